package io.edgeward.detection.topics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A detection on {@code edgeward.detections} (docs/contracts.md), key {@code scope|value}. {@code id},
 * {@code offense} and {@code expiresAt} are optional additions: the id of the decision it produced (null when
 * none was published), which offence of this scope and value it is, and when the decision expires.
 * {@code sessionless} and {@code route} are the decision's qualifiers (C4), absent when it has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Detection(String rule, String scope, String value, String action, String duration, String reason,
                        String detectedAt, Map<String, Object> evidence, String id, Integer offense,
                        String expiresAt, Boolean sessionless, String route) {

    public Detection(String rule, String scope, String value, String action, String duration, String reason,
                     String detectedAt, Map<String, Object> evidence, String id, Integer offense, String expiresAt) {
        this(rule, scope, value, action, duration, reason, detectedAt, evidence, id, offense, expiresAt, null, null);
    }
}
