package io.edgeward.console.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /v1/admin/decisions|allowlist}. Absent fields are left out rather than sent as null, so
 * Protector applies its own defaults (no expiry for an allowlist entry without a duration).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewEntry(String scope, String value, String action, String duration, String reason, Boolean sessionless,
                       String route) {

    /** The same entry with another duration: how an entry is extended (the topic is keyed by list, scope, value). */
    public static NewEntry extending(AdminEntry existing, String duration) {
        return new NewEntry(existing.scope(), existing.value(), existing.action(), duration, existing.reason(),
                existing.isSessionless() ? Boolean.TRUE : null, existing.route());
    }
}
