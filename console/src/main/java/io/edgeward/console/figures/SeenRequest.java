package io.edgeward.console.figures;

import java.time.Instant;

/** One log record as the explain page shows it; {@code action}, {@code reason} and {@code decisionId} are the edge's. */
public record SeenRequest(Instant time, String requestId, String clientIp, String sessionId, String cookieState,
                          String method, String host, String path, int status, String userAgent, String country,
                          String action, String reason, String decisionId, String mode, String source) {
}
