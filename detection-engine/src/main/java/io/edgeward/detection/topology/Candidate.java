package io.edgeward.detection.topology;

import java.util.Map;

/**
 * A rule's finding on its way to escalation (internal topic, keyed {@code scope|value}). {@code cap} is the
 * strongest action this scope may receive (challenge for an address shared by many well-behaved sessions).
 */
public record Candidate(String rule, String scope, String value, String action, String cap, String duration,
                        String reason, long detectedAt, Map<String, Object> evidence) {
}
