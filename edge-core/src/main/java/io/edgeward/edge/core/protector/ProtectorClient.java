package io.edgeward.edge.core.protector;

import io.edgeward.edge.core.challenge.ChallengeOffer;
import io.edgeward.edge.core.config.ProtectorConfig;
import io.edgeward.edge.core.decision.Action;
import io.edgeward.edge.core.decision.ProtectorAnswer;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgeLog;
import io.edgeward.edge.core.port.HttpCallback;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Asks Protector {@code POST /v1/check} (docs/contracts.md) within the configured budget, behind the circuit
 * breaker and the environment's {@link TokenBucket}; relays {@code POST /v1/challenge/verify} behind the same
 * breaker. Never throws and calls back exactly once: a timeout, refusal, non-200 status, unreadable answer or a shed
 * check is {@link CheckOutcome.Unavailable}, and the caller fails open. A shed check never reaches the breaker.
 */
public final class ProtectorClient {

    public static final String SHED = "shed";
    public static final String BREAKER_OPEN = "breaker-open";

    private final ProtectorConfig config;
    private final EdgeHttp http;
    private final JsonCodec json;
    private final CircuitBreaker breaker;
    private final EdgeLog log;
    private final TokenBucket bucket;
    private final Map<String, String> headers;

    public ProtectorClient(ProtectorConfig config, EdgeHttp http, JsonCodec json, CircuitBreaker breaker,
                           TokenBucket bucket, EdgeLog log) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.breaker = breaker;
        this.bucket = bucket;
        this.log = log;
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("authorization", "Bearer " + config.apiKey());
        fixed.put("content-type", "application/json");
        fixed.put("accept", "application/json");
        this.headers = java.util.Collections.unmodifiableMap(fixed);
    }

    /** With the configured call budget ({@code protector.rate}) of its own, on the breaker's clock. */
    public ProtectorClient(ProtectorConfig config, EdgeHttp http, JsonCodec json, CircuitBreaker breaker,
                           EdgeLog log) {
        this(config, http, json, breaker, new TokenBucket(config.ratePerSecond(), config.rateBurst(),
                breaker.clock()), log);
    }

    /**
     * The check of before wave 11/12, for a caller that holds only a session id (no session facts are sent); never
     * shed, since such a caller has no cookie state to tell cookieless floods apart.
     */
    public void check(ViewerRequest request, String sessionId, CookieState cookieState, boolean challengePassed,
                      Consumer<CheckOutcome> done) {
        if (!breaker.tryAcquire()) {
            done.accept(new CheckOutcome.Unavailable(BREAKER_OPEN));
            return;
        }
        Map<String, Object> body = checkBody(request, sessionId, cookieState, challengePassed);
        http.post(config.checkUrl(), headers, json.write(body), (int) config.timeoutMillis(), new Once(done));
    }

    /**
     * Checks a visitor. {@code session} is the session the edge will keep or set (a new one for a visitor without
     * a usable cookie); {@code cookieState} says what the edge made of the cookie it got. Without a usable cookie
     * the check may be shed when the bucket is empty.
     */
    public void check(ViewerRequest request, Session session, CookieState cookieState, Consumer<CheckOutcome> done) {
        check(request, session, cookieState, null, done);
    }

    /**
     * As {@link #check(ViewerRequest, Session, CookieState, Consumer)}, for a session the browser sensor makes suspect
     * ({@code sensorSuspect}: {@code automation} or {@code missing}, null when not; docs/browser-signals.md).
     */
    public void check(ViewerRequest request, Session session, CookieState cookieState, String sensorSuspect,
                      Consumer<CheckOutcome> done) {
        if (cookieState.usable()) {
            bucket.acquire();
        } else if (!bucket.tryAcquire()) {
            done.accept(new CheckOutcome.Unavailable(SHED));
            return;
        }
        if (!breaker.tryAcquire()) {
            done.accept(new CheckOutcome.Unavailable(BREAKER_OPEN));
            return;
        }
        Map<String, Object> fields = checkBody(request, session, cookieState);
        if (sensorSuspect != null) {
            fields.put("sensorSuspect", sensorSuspect);
            fields.put("sensorVerdict", session.sensor().verdict());
            fields.put("sensorVerdictAt", session.sensor().at());
        }
        String body = json.write(fields);
        http.post(config.checkUrl(), headers, body, (int) config.timeoutMillis(), new Once(done));
    }

    /**
     * Relays a challenge answer ({@code POST /v1/challenge/verify}) behind the breaker: when it is open the callback
     * gets {@code onFailure("breaker-open")} at once; a 5xx or a failure counts against it, any other status is
     * Protector answering. Always spends a token (the visitor has a session), never shed.
     */
    public void verify(String body, int timeoutMillis, HttpCallback callback) {
        bucket.acquire();
        if (!breaker.tryAcquire()) {
            callback.onFailure(BREAKER_OPEN);
            return;
        }
        http.post(config.url() + "/v1/challenge/verify", headers, body, timeoutMillis, new Relayed(callback));
    }

    /**
     * Relays a browser sensor report ({@code POST /v1/signals}, docs/browser-signals.md) behind the breaker. Reports
     * are optional, so one is shed ({@code onFailure("shed")}) when the call budget is spent, never queued.
     */
    public void signals(String body, int timeoutMillis, HttpCallback callback) {
        if (!bucket.tryAcquire()) {
            callback.onFailure(SHED);
            return;
        }
        if (!breaker.tryAcquire()) {
            callback.onFailure(BREAKER_OPEN);
            return;
        }
        http.post(config.url() + "/v1/signals", headers, body, timeoutMillis, new Relayed(callback));
    }

    static Map<String, Object> checkBody(ViewerRequest request, Session session, CookieState cookieState) {
        Map<String, Object> body = checkBody(request, session.id(), cookieState, session.challengePassed());
        body.put("challengePassedAt", session.challengePassedAt());
        body.put("challengePasses", session.challengePasses());
        if (cookieState.usable()) {
            body.put("sessionIssuedAt", session.issuedAt());
            body.put("sessionGeneration", session.generation());
        }
        return body;
    }

    /** The contract's body without session facts (C1 fields that need a session are added by the caller). */
    static Map<String, Object> checkBody(ViewerRequest request, String sessionId, CookieState cookieState,
                                         boolean challengePassed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientIp", request.clientIp());
        body.put("userAgent", request.userAgent());
        body.put("sessionId", sessionId);
        body.put("cookieState", cookieState.wire());
        body.put("challengePassed", challengePassed);
        body.put("host", request.host());
        body.put("method", request.method());
        body.put("path", request.path());
        if (!request.path().equals(request.rawPath())) {
            body.put("rawPath", request.rawPath());
        }
        body.put("query", request.query());
        body.put("country", request.country());
        body.put("ja3", request.ja3());
        body.put("ja4", request.ja4());
        body.put("asn", request.asn());
        body.put("headers", request.tierHeaders());
        body.put("headerNames", request.headerNames());
        return body;
    }

    private ProtectorAnswer parse(String body) {
        Map<String, Object> answer = json.parseObject(body);
        Object actionText = answer.get("action");
        Action action = actionText instanceof String ? Action.fromWire((String) actionText) : null;
        if (action == null) {
            throw new IllegalArgumentException("unknown action " + shorten(String.valueOf(actionText)));
        }
        Object ttl = answer.get("ttl");
        long ttlSeconds = ttl instanceof Number ? ((Number) ttl).longValue() : Long.MAX_VALUE;
        Object until = answer.get("blockUntil");
        return new ProtectorAnswer(action, ttlSeconds, text(answer.get("reason")), text(answer.get("decisionId")),
                action == Action.CHALLENGE ? ChallengeOffer.fromJson(answer.get("challenge")) : null,
                action == Action.BLOCK ? scopeWord(answer.get("blockScope")) : null,
                action == Action.BLOCK && until instanceof Number ? ((Number) until).longValue() : 0,
                Boolean.TRUE.equals(answer.get("sensorExempt")));
    }

    /** A scope wire name (short, lowercase word) or null: it is carried in the cookie, which bounds it. */
    static String scopeWord(Object value) {
        if (!(value instanceof String) || ((String) value).isEmpty() || ((String) value).length() > 32) {
            return null;
        }
        String text = (String) value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return null;
            }
        }
        return text;
    }

    private static String text(Object value) {
        return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Reports to the breaker and the caller once, whatever the HTTP port does. */
    private final class Once implements HttpCallback {

        private final Consumer<CheckOutcome> done;
        private boolean called;

        Once(Consumer<CheckOutcome> done) {
            this.done = done;
        }

        @Override
        public void onResponse(int status, String body) {
            if (!claim()) {
                return;
            }
            if (status >= 400 && status < 500) {
                refused(status);
                return;
            }
            if (status != 200) {
                fail("status " + status);
                return;
            }
            ProtectorAnswer answer;
            try {
                answer = parse(body == null ? "" : body);
            } catch (RuntimeException unreadable) {
                fail("unreadable answer: " + unreadable.getMessage());
                return;
            }
            breaker.onSuccess();
            done.accept(new CheckOutcome.Answered(answer));
        }

        @Override
        public void onFailure(String reason) {
            if (claim()) {
                fail(reason == null ? "failure" : reason);
            }
        }

        private synchronized boolean claim() {
            if (called) {
                return false;
            }
            called = true;
            return true;
        }

        /**
         * Protector answered, so it is up: a client error concerns this request (an oversized path, an address it
         * cannot parse), and must not let one client open the breaker for every visitor.
         */
        private void refused(int status) {
            breaker.onSuccess();
            log.info("protector refused this check (status " + status + "); failing open for this request only");
            done.accept(new CheckOutcome.Unavailable("status " + status));
        }

        private void fail(String reason) {
            if (breaker.onFailure()) {
                log.warn("protector breaker opened (" + config.breakerFailures() + " consecutive failures; last: "
                        + reason + "); failing open without calls for " + config.breakerOpenMillis() + " ms");
            }
            done.accept(new CheckOutcome.Unavailable(reason));
        }
    }

    /** Reports a relayed verify to the breaker, then passes it on once. */
    private final class Relayed implements HttpCallback {

        private final HttpCallback target;
        private boolean called;

        Relayed(HttpCallback target) {
            this.target = target;
        }

        @Override
        public void onResponse(int status, String body) {
            if (!claim()) {
                return;
            }
            if (status >= 500) {
                opened("status " + status);
            } else {
                breaker.onSuccess();
            }
            target.onResponse(status, body);
        }

        @Override
        public void onFailure(String reason) {
            if (claim()) {
                opened(reason == null ? "failure" : reason);
                target.onFailure(reason);
            }
        }

        private void opened(String reason) {
            if (breaker.onFailure()) {
                log.warn("protector breaker opened by a relayed call (challenge verification or sensor report; last: " + reason
                        + "); failing open without calls for " + config.breakerOpenMillis() + " ms");
            }
        }

        private synchronized boolean claim() {
            if (called) {
                return false;
            }
            called = true;
            return true;
        }
    }
}
