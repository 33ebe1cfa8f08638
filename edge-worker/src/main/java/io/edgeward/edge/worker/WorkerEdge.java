package io.edgeward.edge.worker;

import io.edgeward.edge.core.challenge.ChallengeVerifier;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.session.CookieHeader;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ResponseLogging;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.node.NodeClockAndLog;
import io.edgeward.edge.node.NodeJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;

/**
 * One isolate's edge: the viewer-request policy and the log shipper of the Lambda@Edge functions, on the Worker's
 * ports, sharing one shipper queue. Built once per isolate from the bindings; every method here is synchronous.
 */
final class WorkerEdge {

    /** Beyond Protector's own budget, how long worker.js waits before failing open regardless (as on Node). */
    static final int GRACE_MILLIS = 1000;
    /** Longer cookies are rejected by the policy unread (SessionCookieCodec), so none is worth an HMAC. */
    static final int MAX_COOKIE_LENGTH = 4096;
    static final int SET_COOKIE_LIMIT = 4096;
    /** worker.js's distributionId in every event it builds. */
    static final String DISTRIBUTION_ID = "cloudflare-worker";
    /**
     * The response headers ResponseLogging and LogRecordBuilder read: whether the policy generated it, and the
     * record's media type, size and edge location. Nothing else of a forwarded response crosses into Java.
     */
    static final List<String> RESPONSE_HEADERS_READ =
            List.of("x-edgeward-action", "content-type", "content-length", "x-amz-cf-pop");

    final NodeJson json = new NodeJson();
    final EventFromJs events = new EventFromJs(json);
    final NodeClockAndLog clockAndLog = new NodeClockAndLog();
    final EdgeConfig config;
    private final WorkerTokenCodec tokens;
    private final ViewerPolicy policy;
    private final LogShipper shipper;
    private final ResponseLogging logging;

    WorkerEdge(JSObject env, JSObject host) {
        this.config = WorkerConfig.from(env, json);
        WorkerCrypto crypto = new WorkerCrypto(host);
        EdgePorts ports = new EdgePorts(clockAndLog, crypto, crypto, json, new WorkerHttp(json, host), clockAndLog);
        this.tokens = new WorkerTokenCodec(config.cookie().keys().keySet(), config.cookie().signingKey(), json, host);
        LogShipper built = null;
        ResponseLogging responses = null;
        GeneratedResponseLog generated = GeneratedResponseLog.NONE;
        if (config.ingest() != null) {
            ShipperConfig shipping = ShipperConfig.from(config);
            built = new LogShipper(shipping.ingest(), ports.http(), json, clockAndLog, clockAndLog);
            LogRecordBuilder records = new LogRecordBuilder(shipping.logging(), json);
            responses = new ResponseLogging(records, built, clockAndLog, clockAndLog);
            generated = new ShippingGeneratedResponseLog(records, built, clockAndLog, clockAndLog);
        } else {
            clockAndLog.warn("edgeward: no ingest section: requests are not logged");
        }
        this.shipper = built;
        this.logging = responses;
        this.policy = new ViewerPolicy(config, ports, tokens, generated);
    }

    /** How long worker.js waits for a decision before passing the request: a verification may outlast a check. */
    int waitMillis() {
        return (int) Math.max(config.protector().timeoutMillis(), config.challenge().verifyTimeoutMillis())
                + GRACE_MILLIS;
    }

    /** The session cookie's {@code {kid, input}} worker.js must sign before {@link #decide}, or null. */
    WorkerTokenCodec.Signed cookieToVerify(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        String value = CookieHeader.find(List.of(cookieHeader), config.cookie().name());
        if (value == null || value.isEmpty() || value.length() > MAX_COOKIE_LENGTH) {
            return null;
        }
        return tokens.toVerify(value);
    }

    /** Only the challenge answer is read from a body: every other request streams to the origin untouched. */
    static boolean wantsBody(String method, String path) {
        return "POST".equals(method) && ChallengeVerifier.isVerifyPath(path);
    }

    void decide(Map<String, Object> event, Consumer<EdgeResult> done) {
        policy.handle(CfEvent.fromJson(event), done);
    }

    /** Sends aged batches; called as each request starts, as the Lambda shipper does. */
    void flushDue() {
        if (shipper != null) {
            shipper.flushDue();
        }
    }

    /**
     * Logs a forwarded request's response (a viewer-response or origin-response shaped event, by status) and answers
     * the Set-Cookie value the viewer must get, or null. Unlike CloudFront's, the Worker's own response is never
     * cached, so the cookie goes on every status.
     */
    String responded(Map<String, Object> event) {
        if (logging != null) {
            logging.handle(event);
        }
        Map<String, Object> request = CfEvent.rawRequest(event);
        String cookie = request == null ? null
                : CfRequest.fromJson(request).header(RequestMark.SET_COOKIE_HEADER);
        return cookie != null && headerSafe(cookie) ? cookie : null;
    }

    /**
     * Logs a forwarded request's response from the request as the policy wrote it (kept on the Java side, see
     * {@link ForwardedRequests}) and the response's status and the only headers the log record reads
     * ({@link #RESPONSE_HEADERS_READ}); answers {@code setCookie}, the request's x-edgeward-set-cookie as worker.js
     * holds it with its signature filled in, if it is safe to send, else null. Same record, same cookie as
     * {@link #responded(Map)} on the whole event.
     */
    String responded(Map<String, Object> request, int status, String statusText, Map<String, String> responseHeaders,
            String domain, String requestId, String setCookie) {
        if (logging != null) {
            Map<String, Object> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> header : responseHeaders.entrySet()) {
                String value = header.getValue();
                if (value != null && !value.isEmpty()) {
                    Map<String, Object> entry = new LinkedHashMap<>(3);
                    entry.put("key", header.getKey());
                    entry.put("value", value);
                    headers.put(header.getKey(), List.of(entry));
                }
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", String.valueOf(status));
            response.put("statusDescription", statusText == null ? "" : statusText);
            response.put("headers", headers);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("distributionDomainName", domain);
            config.put("distributionId", DISTRIBUTION_ID);
            config.put("eventType", status < 400 ? "viewer-response" : "origin-response");
            config.put("requestId", requestId);
            Map<String, Object> cf = new LinkedHashMap<>();
            cf.put("config", config);
            cf.put("request", request);
            cf.put("response", response);
            logging.handle(Map.of("Records", List.of(Map.of("cf", cf))));
        }
        return setCookie != null && headerSafe(setCookie) ? setCookie : null;
    }

    private static boolean headerSafe(String value) {
        if (value.isEmpty() || value.length() > SET_COOKIE_LIMIT) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
