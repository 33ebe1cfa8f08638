package io.edgeward.detection.topics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A decision on the compacted {@code edgeward.decisions} (docs/contracts.md). Key {@code decision|scope|value},
 * then {@code |sessionless} when {@code sessionless} is true, then {@code |route=<route>} when a route is set
 * (C4). {@code sessionless} and {@code route} are omitted from the JSON when absent, so an unqualified decision
 * reads as it always did.
 */
public record Decision(String id, String list, String scope, String value, String action, String reason,
                       String source, String createdAt, String expiresAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sessionless,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String route) {

    public Decision(String id, String list, String scope, String value, String action, String reason,
                    String source, String createdAt, String expiresAt) {
        this(id, list, scope, value, action, reason, source, createdAt, expiresAt, null, null);
    }

    public String key() {
        return key(list, scope, value, Boolean.TRUE.equals(sessionless), route);
    }

    @JsonIgnore
    public boolean isSessionless() {
        return Boolean.TRUE.equals(sessionless);
    }

    public static String key(String list, String scope, String value, boolean sessionless, String route) {
        String key = list + "|" + scope + "|" + value;
        if (sessionless) {
            key += "|sessionless";
        }
        if (route != null) {
            key += "|route=" + route;
        }
        return key;
    }
}
