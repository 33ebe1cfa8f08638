package io.edgeward.detection.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A rule's finding on its way to escalation (internal topic). {@code cap} is the strongest action this scope may
 * receive (challenge for an address shared by many well-behaved sessions). {@code sessionless} and {@code route}
 * are the qualifiers the finding asks for (C4; escalation may narrow further); {@code passes} is how many
 * challenges the actor's session had passed when it tripped the rule (0 when unknown).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(String rule, String scope, String value, String action, String cap, String duration,
                        String reason, long detectedAt, Map<String, Object> evidence, Boolean sessionless,
                        String route, Integer passes) {

    public Candidate(String rule, String scope, String value, String action, String cap, String duration,
                     String reason, long detectedAt, Map<String, Object> evidence) {
        this(rule, scope, value, action, cap, duration, reason, detectedAt, evidence, null, null, null);
    }

    boolean isSessionless() {
        return Boolean.TRUE.equals(sessionless);
    }

    int passCount() {
        return passes == null ? 0 : passes;
    }

    Candidate narrowed(boolean toSessionless, String toRoute, String toCap, String toReason) {
        return new Candidate(rule, scope, value, action, toCap, duration, toReason, detectedAt, evidence,
                toSessionless ? Boolean.TRUE : null, toRoute, passes);
    }
}
