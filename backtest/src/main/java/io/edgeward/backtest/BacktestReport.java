package io.edgeward.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgeward.passive.parse.BadLine;
import java.util.List;

/** What a backtest found: the report's JSON form (docs/backtest.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestReport(List<FileRead> files, long records, int actors, String from, String to,
                             double seconds, long linesPerSecond, List<String> observedFields,
                             List<RuleGap> rulesThatCannotRun, List<RuleTally> rules, List<FlaggedActor> flagged,
                             LabelScores labels) {

    /** One input file: how it was read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileRead(String file, String format, long records, long bad, List<BadLine> badLines,
                           String fileError) {
    }

    /** A rule that needs a field no record's source observed, so it could not fire on this input. */
    public record RuleGap(String rule, List<String> needs) {
    }

    /** One rule over the whole replay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleTally(String rule, int detections, int decisions, int actors, String firstDetectedAt) {
    }

    /** An actor a published decision would have reached after it was made. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlaggedActor(String actor, long requests, String firstSeen, String firstDecisionAt,
                               long secondsToFirstDecision, String action, List<String> rules, String label) {
    }

    /** Precision, recall and F1 against a labels file, per rule and overall, and the people it would have hit. */
    public record LabelScores(String file, int humans, int bots, int labelledNotSeen, List<Score> perRule,
                              Score overall, List<FlaggedActor> humansChallenged) {
    }
}
