package io.edgeward.detection.topics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A log record from {@code edgeward.logs} (docs/contracts.md). Only the fields detection reads are bound; unknown
 * fields are ignored. {@code time} stays a string: the Kafka record timestamp already carries the request time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogRecord(Integer v, String time, String requestId, String source, String clientIp, String method,
                        String host, String path, String query, Integer status, String contentType,
                        String userAgent, String referer, String accept, String acceptLanguage, String sessionId,
                        String cookieState, String action, String reason, String mode, String country, String ja4) {

    /** Required fields of the contract that detection cannot do without. */
    public boolean isUsable() {
        return clientIp != null && !clientIp.isEmpty() && path != null && status != null && method != null;
    }

    /** Verified good bots are Protector's business (allowlist); detection leaves them alone. */
    public boolean isVerifiedGoodBot() {
        return "allow".equals(action) && reason != null && reason.startsWith("goodbot");
    }

    /** A session that came back with our cookie: its requests can be attributed to one visitor. */
    public boolean hasReturningSession() {
        return sessionId != null && !sessionId.isEmpty()
                && ("valid".equals(cookieState) || "stale".equals(cookieState));
    }
}
