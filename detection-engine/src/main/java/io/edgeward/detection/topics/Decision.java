package io.edgeward.detection.topics;

/**
 * A decision on the compacted {@code edgeward.decisions} (docs/contracts.md), key {@code decision|scope|value}.
 */
public record Decision(String id, String list, String scope, String value, String action, String reason,
                       String source, String createdAt, String expiresAt) {

    public String key() {
        return list + "|" + scope + "|" + value;
    }
}
