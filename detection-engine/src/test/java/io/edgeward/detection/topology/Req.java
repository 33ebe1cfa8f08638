package io.edgeward.detection.topology;

import io.edgeward.detection.topics.LogRecord;

/** Builds log records for tests; defaults describe a browser with a returning session. */
final class Req {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    private String ip = "203.0.113.7";
    private String method = "GET";
    private String path = "/";
    private int status = 200;
    private String userAgent = CHROME;
    private String acceptLanguage = "en-GB,en;q=0.9";
    private String sessionId = "session-1";
    private String cookieState = "valid";
    private String action = "allow";
    private String reason;
    private String ja4 = "t13d1516h2_8daaf6152771_02713d6af862";
    private String accept;
    private String headerNames = "host,user-agent,accept,accept-language,accept-encoding";
    private String rawPath;
    private Integer challengePasses;
    private Long sessionIssuedAt;
    private String country = "DE";
    private String asn;
    private String source;
    private String observed;

    static Req get(String path) {
        Req r = new Req();
        r.path = path;
        return r;
    }

    static Req post(String path, int status) {
        Req r = get(path);
        r.method = "POST";
        r.status = status;
        return r;
    }

    Req ip(String value) {
        ip = value;
        return this;
    }

    Req status(int value) {
        status = value;
        return this;
    }

    Req ua(String value) {
        userAgent = value;
        return this;
    }

    Req noAcceptLanguage() {
        acceptLanguage = null;
        return this;
    }

    Req session(String value) {
        sessionId = value;
        return this;
    }

    /** A request without our cookie: the edge mints a new session each time. */
    Req cookieless(String newSessionId) {
        sessionId = newSessionId;
        cookieState = "none";
        return this;
    }

    static Req request(String method, String path) {
        Req r = get(path);
        r.method = method;
        return r;
    }

    Req accept(String value) {
        accept = value;
        return this;
    }

    Req headerNames(String value) {
        headerNames = value;
        return this;
    }

    /** The path as the client spelled it; {@code path} stays the normalised one, as the edge logs it (C8). */
    Req rawPath(String value) {
        rawPath = value;
        return this;
    }

    /**
     * A record from a passive source ({@code cloudfront-standard}, {@code access-log}): no cookie, no session, and
     * only the optional fields {@code observed} names seen by the source (null: not stated).
     */
    Req passive(String sourceName, String observedFields) {
        source = sourceName;
        observed = observedFields;
        sessionId = null;
        cookieState = null;
        action = null;
        headerNames = null;
        ja4 = null;
        country = null;
        return this;
    }

    Req passes(int value) {
        challengePasses = value;
        return this;
    }

    Req issuedAt(java.time.Instant value) {
        sessionIssuedAt = value.getEpochSecond();
        return this;
    }

    Req ja4(String value) {
        ja4 = value;
        return this;
    }

    Req edge(String edgeAction, String edgeReason) {
        action = edgeAction;
        reason = edgeReason;
        return this;
    }

    LogRecord build() {
        return new LogRecord(1, ip, method, path, status, userAgent, acceptLanguage, sessionId, cookieState, action,
                reason, ja4, accept, country, asn, headerNames, rawPath, challengePasses, sessionIssuedAt, source, observed);
    }
}
