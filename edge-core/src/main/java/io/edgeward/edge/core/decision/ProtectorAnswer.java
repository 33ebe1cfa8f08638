package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.challenge.ChallengeOffer;

/**
 * Protector's answer: {@code ttlSeconds} caps how long an allow/monitor answer may be reused; {@code reason} and
 * {@code decisionId} may be null; {@code challenge} is the solvable challenge Protector issued with a
 * {@code challenge} answer, null when it sent none (an older Protector).
 */
public record ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId,
                              ChallengeOffer challenge) {

    public ProtectorAnswer {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        ttlSeconds = Math.max(0, ttlSeconds);
    }

    public ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId) {
        this(action, ttlSeconds, reason, decisionId, null);
    }
}
