package io.edgeward.console.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One active decision or allowlist entry as Protector's admin API returns it (docs/api). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdminEntry(String id, String list, String scope, String value, String action, String reason,
                         String source, String createdAt, String expiresAt, Boolean sessionless, String route) {

    public boolean isSessionless() {
        return Boolean.TRUE.equals(sessionless);
    }
}
