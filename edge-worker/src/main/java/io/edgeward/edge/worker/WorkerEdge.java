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

    final NodeJson json = new NodeJson();
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
