package io.edgeward.detection.topology;

/**
 * What the actor processor emits: a candidate for escalation, a signal for the cross-address rules, or a
 * well-behaved session report for the blast-radius estimate.
 */
sealed interface Emission permits Emission.Found, Emission.Crossed, Emission.Good {

    record Found(Candidate candidate) implements Emission {
    }

    record Crossed(Signal signal) implements Emission {
    }

    record Good(GoodSession session) implements Emission {
    }
}
