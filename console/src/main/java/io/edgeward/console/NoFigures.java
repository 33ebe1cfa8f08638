package io.edgeward.console;

import io.edgeward.console.figures.ChallengeStats;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.DetectionQuery;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.console.figures.Explanation;
import io.edgeward.console.figures.ExplainKey;
import io.edgeward.console.figures.Overview;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.RuleFiring;
import java.util.List;

/** Figures that are never ready: every page says the figures are unavailable, and decisions still work. */
final class NoFigures implements ConsoleFigures {

    @Override
    public Overview overview(Period period) {
        throw new IllegalStateException("no figures");
    }

    @Override
    public List<DetectionRow> detections(DetectionQuery query) {
        throw new IllegalStateException("no figures");
    }

    @Override
    public Explanation explain(ExplainKey key) {
        throw new IllegalStateException("no figures");
    }

    @Override
    public ChallengeStats challenges(Period period) {
        throw new IllegalStateException("no figures");
    }

    @Override
    public List<RuleFiring> ruleFirings(Period period) {
        throw new IllegalStateException("no figures");
    }

    @Override
    public boolean ready() {
        return false;
    }
}
