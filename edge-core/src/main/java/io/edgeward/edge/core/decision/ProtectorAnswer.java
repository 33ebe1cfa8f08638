package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.challenge.ChallengeOffer;

/**
 * Protector's answer: {@code ttlSeconds} caps how long an allow/monitor answer may be reused; {@code reason} and
 * {@code decisionId} may be null; {@code challenge} is the solvable challenge Protector issued with a
 * {@code challenge} answer, null when it sent none (an older Protector). With a {@code block} answer,
 * {@code blockScope} names the scope of the stored decision behind it and {@code blockUntil} (epoch seconds) its
 * expiry (docs/contracts.md C2): null and 0 when absent (an older Protector, a request-time rule, a decision
 * without expiry). {@code sensorExempt}: the client is allowlisted, a verified good bot or allowed automation, so
 * the browser sensor's rules do not apply to it (false from an older Protector).
 */
public record ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId,
                              ChallengeOffer challenge, String blockScope, long blockUntil, boolean sensorExempt) {

    public ProtectorAnswer {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        ttlSeconds = Math.max(0, ttlSeconds);
        blockUntil = Math.max(0, blockUntil);
    }

    public ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId,
                           ChallengeOffer challenge, String blockScope, long blockUntil) {
        this(action, ttlSeconds, reason, decisionId, challenge, blockScope, blockUntil, false);
    }

    public ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId,
                           ChallengeOffer challenge) {
        this(action, ttlSeconds, reason, decisionId, challenge, null, 0);
    }

    public ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId) {
        this(action, ttlSeconds, reason, decisionId, null, null, 0);
    }
}
