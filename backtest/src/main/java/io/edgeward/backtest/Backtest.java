package io.edgeward.backtest;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.RecordField;
import io.edgeward.passive.parse.NotALogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Replays log files through the detection topology and tells what would have been decided: per rule, per actor, and
 * against a labels file. A detection reaches an actor when its decision's scope and value match one of the actor's
 * requests made after it (an address decision reaches everyone behind that address, as it would live).
 */
final class Backtest {

    /** What to read and how. */
    record Input(Path file, LogFormat format) {
    }

    private final DetectionPolicy policy;
    private final LogReader reader;
    private final Function<Long, Progress> progress;

    /** Told how many bytes of the current file were read. */
    interface Progress extends AutoCloseable {
        void read(long bytes);

        @Override
        void close();
    }

    Backtest(DetectionPolicy policy, LogReader reader, Function<Long, Progress> progress) {
        this.policy = policy;
        this.reader = reader;
        this.progress = progress;
    }

    BacktestReport run(List<Input> inputs, Labels labels, String labelsName) throws IOException {
        ActorBook book = new ActorBook();
        List<BacktestReport.FileRead> files = new ArrayList<>();
        Set<RecordField> observed = EnumSet.noneOf(RecordField.class);
        Instant[] span = new Instant[2];
        long records = 0;
        List<Detection> detections;
        long started;
        try (Replay replay = new Replay(policy)) {
            started = System.nanoTime(); // the rate is the replay's, not the topology's start-up
            for (Input input : inputs) {
                LogReader.Outcome outcome;
                try (Progress bar = progress.apply(Files.size(input.file()));
                     InputStream in = new CountingInputStream(Files.newInputStream(input.file()), bar::read)) {
                    outcome = reader.read(in, input.file().toString(), input.format(), read -> {
                        Instant time = replay.feed(read.record(), read.sessionId());
                        book.note(read.record(), read.sessionId(), time);
                        observed.addAll(observedBy(read.record()));
                        span[0] = span[0] == null || time.isBefore(span[0]) ? time : span[0];
                        span[1] = span[1] == null || time.isAfter(span[1]) ? time : span[1];
                    });
                } catch (NotALogFile e) {
                    throw new IllegalArgumentException(input.file() + ": " + e.getMessage());
                }
                records += outcome.records();
                files.add(new BacktestReport.FileRead(input.file().toString(), input.format().name(),
                        outcome.records(), outcome.bad(), outcome.badLines(), outcome.fileError()));
            }
            detections = List.copyOf(replay.detections());
        }
        Map<ActorBook.Actor, Reach> reached = attribute(detections, book);
        double seconds = (System.nanoTime() - started) / 1e9;
        long lines = files.stream().mapToLong(f -> f.records() + f.bad()).sum();
        return new BacktestReport(files, records, book.all().size(), text(span[0]), text(span[1]),
                Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(lines / seconds) : lines,
                observed.stream().map(RecordField::wire).toList(), gaps(observed), tallies(detections, reached),
                flagged(reached, labels), labels == null ? null : score(labels, labelsName, book, reached));
    }

    /** The fields the record's source observed, as detection will judge them. */
    private static Set<RecordField> observedBy(io.edgeward.passive.record.LogRecord r) {
        return RecordField.observedBy(new io.edgeward.detection.topics.LogRecord(1, r.clientIp(), r.method(),
                r.path(), r.status(), r.userAgent(), r.acceptLanguage(), null, null, null, null, r.ja4(), r.accept(),
                r.country(), r.asn(), null, null, null, null, r.source(), r.observed()));
    }

    /** How one actor was reached: the first decision's time and action, and every rule that reached it. */
    private static final class Reach {
        Instant first;
        String action;
        final TreeSet<String> rules = new TreeSet<>();
    }

    private static Map<ActorBook.Actor, Reach> attribute(List<Detection> detections, ActorBook book) {
        Map<ActorBook.Actor, Reach> reached = new LinkedHashMap<>();
        for (Detection d : detections) {
            if (d.id() == null) {
                continue; // detected, but no decision was published (capped, or under an administrator's)
            }
            Instant at = Instant.parse(d.detectedAt());
            for (ActorBook.Actor a : book.reachedBy(d.scope(), d.value())) {
                if (a.last.isBefore(at)) {
                    continue;
                }
                Reach r = reached.computeIfAbsent(a, k -> new Reach());
                r.rules.add(d.rule());
                if (r.first == null || at.isBefore(r.first)) {
                    r.first = at;
                    r.action = d.action();
                } else if (at.equals(r.first) && "block".equals(d.action())) {
                    r.action = d.action();
                }
            }
        }
        return reached;
    }

    private List<BacktestReport.RuleGap> gaps(Set<RecordField> observed) {
        List<BacktestReport.RuleGap> gaps = new ArrayList<>();
        for (RuleName rule : RuleName.values()) {
            if (!rule.runsOn(observed)) {
                gaps.add(new BacktestReport.RuleGap(rule.key(),
                        rule.needs().stream().filter(f -> !observed.contains(f)).map(RecordField::wire).toList()));
            }
        }
        return gaps;
    }

    private static List<BacktestReport.RuleTally> tallies(List<Detection> detections,
                                                          Map<ActorBook.Actor, Reach> reached) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> first = new HashMap<>();
        for (Detection d : detections) {
            int[] c = counts.computeIfAbsent(d.rule(), k -> new int[3]);
            c[0]++;
            c[1] += d.id() != null ? 1 : 0;
            first.merge(d.rule(), d.detectedAt(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        reached.values().forEach(r -> r.rules.forEach(rule -> counts.computeIfAbsent(rule, k -> new int[3])[2]++));
        List<BacktestReport.RuleTally> out = new ArrayList<>();
        counts.forEach((rule, c) -> out.add(new BacktestReport.RuleTally(rule, c[0], c[1], c[2], first.get(rule))));
        return out;
    }

    private static List<BacktestReport.FlaggedActor> flagged(Map<ActorBook.Actor, Reach> reached, Labels labels) {
        List<BacktestReport.FlaggedActor> out = new ArrayList<>();
        reached.forEach((a, r) -> out.add(flaggedActor(a, r, labels)));
        out.sort(Comparator.comparing(BacktestReport.FlaggedActor::firstDecisionAt)
                .thenComparing(BacktestReport.FlaggedActor::actor));
        return out;
    }

    private static BacktestReport.FlaggedActor flaggedActor(ActorBook.Actor a, Reach r, Labels labels) {
        Boolean bot = labels == null ? null : labels.isBot().get(a.key);
        return new BacktestReport.FlaggedActor(a.key, a.requests, a.first.toString(), r.first.toString(),
                Math.max(0, Duration.between(a.first, r.first).toSeconds()), r.action, List.copyOf(r.rules),
                bot == null ? null : bot ? "bot" : "human");
    }

    private static BacktestReport.LabelScores score(Labels labels, String name, ActorBook book,
                                                    Map<ActorBook.Actor, Reach> reached) {
        Map<String, Reach> byKey = new HashMap<>();
        reached.forEach((a, r) -> byKey.put(a.key, r));
        Set<String> rules = new TreeSet<>();
        reached.values().forEach(r -> rules.addAll(r.rules));
        int humans = 0;
        int bots = 0;
        int unseen = 0;
        List<BacktestReport.FlaggedActor> humansChallenged = new ArrayList<>();
        for (Map.Entry<String, Boolean> label : labels.isBot().entrySet()) {
            ActorBook.Actor actor = book.all().get(label.getKey());
            if (actor == null) {
                unseen++;
                continue;
            }
            if (label.getValue()) {
                bots++;
            } else {
                humans++;
                Reach r = byKey.get(label.getKey());
                if (r != null) {
                    humansChallenged.add(flaggedActor(actor, r, labels));
                }
            }
        }
        List<Score> perRule = new ArrayList<>();
        for (String rule : rules) {
            perRule.add(count(rule, labels, book, byKey, r -> r.rules.contains(rule)));
        }
        return new BacktestReport.LabelScores(name, humans, bots, unseen, perRule,
                count("all rules", labels, book, byKey, r -> true), humansChallenged);
    }

    private static Score count(String rule, Labels labels, ActorBook book, Map<String, Reach> byKey,
                               java.util.function.Predicate<Reach> flaggedBy) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Map.Entry<String, Boolean> label : labels.isBot().entrySet()) {
            if (!book.all().containsKey(label.getKey())) {
                continue;
            }
            Reach r = byKey.get(label.getKey());
            boolean flagged = r != null && flaggedBy.test(r);
            if (label.getValue()) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new Score(rule, tp, fp, fn, tn);
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
