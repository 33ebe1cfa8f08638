package io.edgeward.backtest;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The report as a person reads it: what was read, what each rule did, who was reached, and the scores. */
final class Summary {

    private static final int SHOWN = 15;

    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(BacktestReport r) {
        for (BacktestReport.FileRead f : r.files()) {
            out.printf(Locale.ROOT, "%s (%s): %d records, %d unreadable lines%n", f.file(), f.format(), f.records(),
                    f.bad());
            f.badLines().forEach(b -> out.printf(Locale.ROOT, "  %s: %s%n", b.where(), b.reason()));
            if (f.fileError() != null) {
                out.println("  " + f.fileError());
            }
        }
        if (r.records() == 0) {
            out.println("No records to replay.");
        } else {
            out.printf(Locale.ROOT, "%d records from %s to %s, %d actors; replayed in %.2f s (%,d lines/s)%n",
                    r.records(), r.from(), r.to(), r.actors(), r.seconds(), r.linesPerSecond());
        }
        out.println("Fields the source observes: " + (r.observedFields().isEmpty() ? "none beyond the required"
                : String.join(", ", r.observedFields())));
        for (BacktestReport.RuleGap gap : r.rulesThatCannotRun()) {
            out.printf(Locale.ROOT, "  %s cannot run here: needs %s%n", gap.rule(), String.join(", ", gap.needs()));
        }
        out.println();
        if (r.rules().isEmpty()) {
            out.println("No rule fired.");
        } else {
            out.printf(Locale.ROOT, "%-34s %10s %10s %8s  %s%n", "rule", "detections", "decisions", "actors",
                    "first");
            r.rules().forEach(t -> out.printf(Locale.ROOT, "%-34s %10d %10d %8d  %s%n", t.rule(), t.detections(),
                    t.decisions(), t.actors(), t.firstDetectedAt()));
        }
        out.println();
        out.printf(Locale.ROOT, "%d actors reached by a decision%s%n", r.flagged().size(),
                r.flagged().isEmpty() ? "" : " (first " + Math.min(SHOWN, r.flagged().size()) + "):");
        actors(r.flagged());
        if (r.labels() != null) {
            labels(r.labels());
        }
    }

    private void labels(BacktestReport.LabelScores l) {
        out.println();
        out.printf(Locale.ROOT, "Against %s: %d humans, %d bots labelled and seen (%d labelled actors not in the"
                + " logs)%n", l.file(), l.humans(), l.bots(), l.labelledNotSeen());
        out.printf(Locale.ROOT, "%-34s %5s %5s %5s %10s %8s %6s%n", "rule", "TP", "FP", "FN", "precision", "recall",
                "F1");
        l.perRule().forEach(this::score);
        score(l.overall());
        out.printf(Locale.ROOT, "Humans it would have challenged or blocked: %d%n", l.humansChallenged().size());
        actors(l.humansChallenged());
    }

    private void score(Score s) {
        out.printf(Locale.ROOT, "%-34s %5d %5d %5d %10s %8s %6s%n", s.rule(), s.truePositives(), s.falsePositives(),
                s.falseNegatives(), number(s.precision()), number(s.recall()), number(s.f1()));
    }

    private void actors(List<BacktestReport.FlaggedActor> actors) {
        actors.stream().limit(SHOWN).forEach(a -> out.printf(Locale.ROOT, "  %-40s %s after %d s (%d requests)%s: %s%n",
                a.actor(), a.action(), a.secondsToFirstDecision(), a.requests(),
                a.label() == null ? "" : " [" + a.label() + "]", String.join(", ", a.rules())));
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
