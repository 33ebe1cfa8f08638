package io.edgeward.console.figures;

import java.time.Instant;
import java.util.Map;

/**
 * One detection from {@code edgeward.detections}.
 *
 * @param decisionId     the decision it produced; null when none was published
 * @param notPublished   why no decision was published (blast radius, an administrator's decision stands, expired
 *                       before it was published, ...); null when one was
 */
public record DetectionRow(Instant detectedAt, String rule, String scope, String value, String action,
                           String duration, String reason, Map<String, Object> evidence, String decisionId,
                           Integer offence, Instant expiresAt, boolean sessionless, String route,
                           String notPublished) {
}
