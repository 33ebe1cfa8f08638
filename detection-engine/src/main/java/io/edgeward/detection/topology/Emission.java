package io.edgeward.detection.topology;

/** What the actor processor emits: a candidate for escalation, or a signal for the cross-address rules. */
sealed interface Emission permits Emission.Found, Emission.Crossed {

    record Found(Candidate candidate) implements Emission {
    }

    record Crossed(Signal signal) implements Emission {
    }
}
