package io.edgeward.protector.check;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/check} (docs/contracts.md, wave contract C1). Unknown fields are ignored, so the edge
 * may send newer fields to an older Protector; every field added since the first version is optional and its
 * absence means the behaviour of before. {@code asn} may arrive as a number or a string.
 *
 * @param sessionIssuedAt   epoch second the session cookie was issued (cookie VALID or STALE only)
 * @param sessionGeneration how many times the session has been re-checked and re-issued
 * @param challengePassedAt epoch second of the last solved challenge; absent or 0 = never
 * @param challengePasses   how many challenges the session has solved
 * @param headerNames       the request's header names, lower-case, comma-joined (for the campaign key)
 * @param path              the normalised path (contract C5)
 * @param rawPath           the raw path, only when it differs from {@code path}
 * @param scopes            when present, only the allowlist and stored decisions of these scopes are consulted
 * @param sensorSuspect     the browser sensor makes this session suspect: {@code automation} (its verdict) or
 *                          {@code missing} (pages without a report); absent when not (docs/browser-signals.md)
 * @param sensorVerdict     with {@code sensorSuspect}: the session's sensor verdict, if any
 * @param sensorVerdictAt   with {@code sensorSuspect}: epoch second of that verdict
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
        Map<String, String> headers,
        Long sessionIssuedAt,
        Integer sessionGeneration,
        Long challengePassedAt,
        Integer challengePasses,
        String headerNames,
        String rawPath,
        List<String> scopes,
        String sensorSuspect,
        String sensorVerdict,
        Long sensorVerdictAt) {

    /** The fields before the browser sensor; its fields absent. */
    public CheckRequest(String clientIp, String userAgent, String sessionId, String cookieState, Boolean challengePassed,
                        String host, String method, String path, String query, String country, String ja3, String ja4,
                        String asn, Map<String, String> headers, Long sessionIssuedAt, Integer sessionGeneration,
                        Long challengePassedAt, Integer challengePasses, String headerNames, String rawPath,
                        List<String> scopes) {
        this(clientIp, userAgent, sessionId, cookieState, challengePassed, host, method, path, query, country, ja3, ja4,
                asn, headers, sessionIssuedAt, sessionGeneration, challengePassedAt, challengePasses, headerNames, rawPath,
                scopes, null, null, null);
    }

    /** The fields of the first contract version; the newer ones absent. */
    public CheckRequest(String clientIp, String userAgent, String sessionId, String cookieState, Boolean challengePassed,
                        String host, String method, String path, String query, String country, String ja3, String ja4,
                        String asn, Map<String, String> headers) {
        this(clientIp, userAgent, sessionId, cookieState, challengePassed, host, method, path, query, country, ja3, ja4,
                asn, headers, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean hasPassedChallenge() {
        return Boolean.TRUE.equals(challengePassed) || passedAt() > 0;
    }

    /** Epoch second of the last solved challenge, 0 when none (or not said). */
    public long passedAt() {
        return challengePassedAt == null ? 0 : Math.max(0, challengePassedAt);
    }

    public String header(String lowercaseName) {
        return headers == null ? null : headers.get(lowercaseName);
    }
}
