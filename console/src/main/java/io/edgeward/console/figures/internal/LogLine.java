package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.SeenRequest;
import java.time.Instant;

/** The fields of a log record (docs/contracts.md, "Log record") the figures read; the time is the record's. */
public record LogLine(String requestId, String clientIp, String sessionId, String cookieState, String method,
                      String host, String path, int status, String userAgent, String country, String action,
                      String reason, String decisionId, String mode, String source) {

    public SeenRequest seen(long timestamp) {
        return new SeenRequest(Instant.ofEpochMilli(timestamp), requestId, clientIp, sessionId, cookieState, method,
                host, path, status, userAgent, country, action, reason, decisionId, mode, source);
    }
}
