package io.edgeward.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How well a rule (or all of them) separated labelled bots from labelled humans. */
record Score(String rule, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    @JsonProperty("precision")
    public Double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? null : round((double) truePositives / flagged);
    }

    @JsonProperty("recall")
    public Double recall() {
        int bots = truePositives + falseNegatives;
        return bots == 0 ? null : round((double) truePositives / bots);
    }

    @JsonProperty("f1")
    public Double f1() {
        Double p = precision();
        Double r = recall();
        return p == null || r == null || p + r == 0 ? null : round(2 * p * r / (p + r));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
