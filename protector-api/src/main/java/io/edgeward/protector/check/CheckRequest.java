package io.edgeward.protector.check;

import java.util.Map;

/**
 * The body of {@code POST /v1/check} (docs/contracts.md). Unknown fields are ignored, so the edge may send
 * newer fields to an older Protector. {@code asn} may arrive as a number or a string.
 */
public record CheckRequest(
        String clientIp,
        String userAgent,
        String sessionId,
        String cookieState,
        Boolean challengePassed,
        String host,
        String method,
        String path,
        String query,
        String country,
        String ja3,
        String ja4,
        String asn,
        Map<String, String> headers) {

    public boolean hasPassedChallenge() {
        return Boolean.TRUE.equals(challengePassed);
    }
}
