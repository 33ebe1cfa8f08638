package io.edgeward.protector.check;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A check request built by tests: a browser by default, with the session fields of contract C1 when set. */
final class Visitor {

    static final String CHROME = CheckServiceTest.CHROME;
    static final String SESSION = "AbCdEf0123456789AbCdEQ";

    String ip = "203.0.113.7";
    String userAgent = CHROME;
    String sessionId;
    String cookieState = "none";
    Boolean challengePassed = false;
    String method = "GET";
    String path = "/products/7";
    String rawPath;
    String ja4 = "t13d1516h2_8daaf6152771_02713d6af862";
    String headerNames = "host,user-agent,accept,accept-language,accept-encoding,sec-fetch-mode";
    Map<String, String> headers = CheckServiceTest.browserHeaders();
    Long issuedAt;
    Integer generation;
    Long passedAt;
    List<String> scopes;

    static Visitor browser() {
        return new Visitor();
    }

    /** Cookieless, as a bot that refuses cookies (or rotates them) looks. */
    static Visitor cookieless(String ip) {
        return new Visitor().ip(ip);
    }

    /** An established session in good standing (contract C7): re-issued twice, an hour old. */
    static Visitor established(String ip, Instant now) {
        Visitor v = new Visitor().ip(ip);
        v.sessionId = SESSION;
        v.cookieState = "valid";
        v.issuedAt = now.getEpochSecond() - 3600;
        v.generation = 5;
        return v;
    }

    /** A session cookie minted {@code ageSeconds} ago and never re-issued. */
    static Visitor fresh(String ip, Instant now, long ageSeconds) {
        Visitor v = new Visitor().ip(ip);
        v.sessionId = "Zz9Yy8Xx7Ww6Vv5Uu4Tt3g";
        v.cookieState = "valid";
        v.issuedAt = now.getEpochSecond() - ageSeconds;
        v.generation = 0;
        return v;
    }

    Visitor ip(String v) { ip = v; return this; }
    Visitor userAgent(String v) { userAgent = v; return this; }
    Visitor session(String v) { sessionId = v; return this; }
    Visitor method(String v) { method = v; return this; }
    Visitor path(String v) { path = v; return this; }
    Visitor rawPath(String v) { rawPath = v; return this; }
    Visitor ja4(String v) { ja4 = v; return this; }
    Visitor generation(int v) { generation = v; return this; }
    Visitor passedAt(Instant v) { passedAt = v.getEpochSecond(); return this; }
    Visitor legacyPassed() { challengePassed = true; return this; }
    Visitor scopes(String... v) { scopes = List.of(v); return this; }

    Visitor header(String name, String value) {
        headers = new HashMap<>(headers);
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    CheckRequest request() {
        return new CheckRequest(ip, userAgent, sessionId, cookieState, challengePassed, "shop.example", method, path, null,
                "DE", null, ja4, null, headers, issuedAt, generation, passedAt, null, headerNames, rawPath, scopes);
    }
}
