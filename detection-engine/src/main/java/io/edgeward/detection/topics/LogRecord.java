package io.edgeward.detection.topics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A log record from {@code edgeward.logs} (docs/contracts.md), reduced to the fields detection reads; the others
 * are skipped without being decoded. The request time is not among them: the Kafka record timestamp carries it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogRecord(Integer v, String clientIp, String method, String path, Integer status, String userAgent,
                        String acceptLanguage, String sessionId, String cookieState, String action, String reason,
                        String ja4) {

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
