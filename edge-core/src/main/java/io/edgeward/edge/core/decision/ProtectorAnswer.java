package io.edgeward.edge.core.decision;

/**
 * Protector's answer: {@code ttlSeconds} caps how long an allow/monitor answer may be reused; {@code reason} and
 * {@code decisionId} may be null.
 */
public record ProtectorAnswer(Action action, long ttlSeconds, String reason, String decisionId) {

    public ProtectorAnswer {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        ttlSeconds = Math.max(0, ttlSeconds);
    }
}
