package io.edgeward.edge.core.sensor;

import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.config.SensorConfig;
import io.edgeward.edge.core.decision.AnsweredOnce;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.SensorState;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The browser sensor's two edge paths (docs/browser-signals.md, docs/api/edge-sensor.md):
 * <ul>
 *   <li>{@code GET /.edgeward/s.js}: the script with a nonce for this session ({@code Cache-Control: no-store}), or,
 *       while the session's verdict holds, a comment cached privately until it stops holding (so a settled visitor's
 *       pages load it from the browser cache and send nothing). A visitor without a usable cookie gets a new session
 *       with it;</li>
 *   <li>{@code POST /.edgeward/signals}: the report. The edge checks the nonce ({@link SensorNonces}), relays the
 *       report to Protector {@code POST /v1/signals} ({@link ProtectorClient#signals}) and answers {@code 204} with the
 *       cookie carrying the verdict. Refused reports get {@code 403 {"ok":false,"reason"}}.</li>
 * </ul>
 * Both are generated responses, logged as such with a {@code sensor.*} reason. Calls back exactly once.
 */
public final class SensorEndpoints {

    public static final String SCRIPT_PATH = "/.edgeward/s.js";
    public static final String SIGNALS_PATH = "/.edgeward/signals";
    /** A real report is a few hundred bytes. */
    static final int MAX_REPORT_BYTES = 4096;
    /** The settled script is cached at most this long, so a verdict that changes is seen within it. */
    static final long MAX_SETTLED_CACHE_SECONDS = 3600;
    static final String SETTLED_BODY = "/* edgeward sensor: settled */\n";

    private final SensorConfig config;
    private final EdgePorts ports;
    private final SessionCookieCodec cookies;
    private final SensorNonces nonces;
    private final ProtectorClient protector;
    private final GeneratedResponseLog generatedLog;
    private final SensorStats stats = new SensorStats();

    public SensorEndpoints(SensorConfig config, EdgePorts ports, SessionCookieCodec cookies, TokenCodec tokens,
                           ProtectorClient protector, GeneratedResponseLog generatedLog) {
        this.config = config;
        this.ports = ports;
        this.cookies = cookies;
        this.nonces = new SensorNonces(tokens, config.nonceLifetimeSeconds());
        this.protector = protector;
        this.generatedLog = generatedLog;
    }

    /** Whether the edge answers this normalised path itself. */
    public boolean owns(String path) {
        return config.enabled() && (SCRIPT_PATH.equals(path) || SIGNALS_PATH.equals(path));
    }

    public SensorStats stats() {
        return stats;
    }

    /**
     * @param session the visitor's usable session, or a new one (then it is set with the answer)
     */
    public void handle(ViewerRequest viewer, Mode mode, CookieRead read, Session session,
                       Consumer<EdgeResult> done) {
        if (SCRIPT_PATH.equals(viewer.path())) {
            done.accept(script(viewer, mode, read, session));
        } else {
            signals(viewer, mode, read, done);
        }
    }

    private EdgeResult script(ViewerRequest viewer, Mode mode, CookieRead read, Session session) {
        if (!"GET".equals(viewer.method()) && !"HEAD".equals(viewer.method())) {
            return respond(viewer, plain(405, "Method Not Allowed", "GET only\n").withHeader("Allow", "GET, HEAD"),
                    mark(viewer, read, mode, session, "sensor.script:method"));
        }
        long now = ports.clock().nowMillis() / 1000;
        String setCookie = read.state().usable() ? null : cookies.setCookie(session, now);
        CfHeaders headers = CfHeaders.empty()
                .with("Content-Type", "text/javascript; charset=utf-8")
                .with("X-Content-Type-Options", "nosniff")
                .with("X-Edgeward-Sensor", SensorScript.VERSION);
        String body;
        String outcome;
        if (SensorPolicy.owesReport(session, now)) {
            body = SensorScript.SOURCE + "(" + ports.json().write(pageConfig(session, now)) + ");\n";
            headers = headers.with("Cache-Control", "no-store");
            outcome = "script";
        } else {
            long fresh = Math.min(MAX_SETTLED_CACHE_SECONDS, session.sensor().until() - now);
            body = SETTLED_BODY;
            headers = headers.with("Cache-Control", "private, max-age=" + Math.max(0, fresh));
            outcome = "settled";
        }
        if (setCookie != null) {
            headers = headers.with("Set-Cookie", setCookie);
        }
        stats.record(outcome);
        return respond(viewer, CfResponse.generated(200, "OK", headers, body),
                mark(viewer, read, mode, session, "sensor." + outcome));
    }

    private Map<String, Object> pageConfig(Session session, long now) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("n", nonces.issue(session.id(), now, ports.randomness()));
        page.put("d", config.reportDelayMillis());
        page.put("u", SIGNALS_PATH);
        page.put("v", SensorScript.VERSION);
        return page;
    }

    private void signals(ViewerRequest viewer, Mode mode, CookieRead read, Consumer<EdgeResult> done) {
        Session session = read.state().usable() ? read.session() : null;
        if (!"POST".equals(viewer.method())) {
            done.accept(respond(viewer, plain(405, "Method Not Allowed", "POST only\n").withHeader("Allow", "POST"),
                    mark(viewer, read, mode, session, "sensor.report:method")));
            return;
        }
        if ("cross-site".equals(viewer.request().header("sec-fetch-site"))) {
            done.accept(rejected(viewer, mode, read, session, SensorRejection.CROSS_SITE));
            return;
        }
        if (session == null) {
            done.accept(rejected(viewer, mode, read, null, SensorRejection.NO_SESSION));
            return;
        }
        long now = ports.clock().nowMillis() / 1000;
        Map<String, Object> report = SensorReport.read(viewer.request(), ports.json(), MAX_REPORT_BYTES);
        if (report == null) {
            done.accept(rejected(viewer, mode, read, session, SensorRejection.MALFORMED));
            return;
        }
        SensorNonces.Checked nonce = nonces.check(report.remove("n"), session.id(), now);
        if (nonce.rejection() != null) {
            done.accept(rejected(viewer, mode, read, session, nonce.rejection()));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", session.id());
        body.put("clientIp", viewer.clientIp());
        body.put("userAgent", viewer.userAgent());
        body.put("secChUa", viewer.request().header("sec-ch-ua"));
        body.put("host", viewer.host());
        body.put("nonce", nonce.id());
        body.put("nonceExpiresAt", nonce.expiresAt());
        body.put("quietReports", session.sensor().quietReports());
        body.put("signals", report);
        protector.signals(ports.json().write(body), (int) config.reportTimeoutMillis(),
                new AnsweredOnce("sensor report fault: ",
                        (status, answer) -> scored(viewer, mode, read, session, status, answer),
                        failure -> unavailable(viewer, mode, read, session, failure), done));
    }

    /** Protector's verdict: the cookie carries it from now on. */
    private EdgeResult scored(ViewerRequest viewer, Mode mode, CookieRead read, Session session, int status,
                              String text) {
        Map<String, Object> answer = null;
        try {
            answer = ports.json().parseObject(text == null ? "" : text);
        } catch (IllegalArgumentException unreadable) {
            // handled below as unavailable
        }
        if (status >= 400 && status < 500) {
            Object error = answer == null ? null : answer.get("error");
            return rejected(viewer, mode, read, session, error instanceof String ? word((String) error) : "refused");
        }
        Object verdict = answer == null ? null : answer.get("verdict");
        if (status != 200 || !(verdict instanceof String) || !SensorState.isVerdict((String) verdict)) {
            return unavailable(viewer, mode, read, session, "status " + status);
        }
        long now = ports.clock().nowMillis() / 1000;
        long ttl = number(answer.get("ttl"));
        int quiet = (int) Math.min(SensorState.MAX_COUNT, number(answer.get("quietReports")));
        Session updated = session.withSensor(session.sensor().reported((String) verdict, now, ttl, quiet));
        stats.record("reported");
        Object reason = answer.get("reason");
        CfResponse response = noContent(cookies.setCookie(updated, now));
        return respond(viewer, response, mark(viewer, read, mode, updated, "sensor." + verdict
                + (reason instanceof String ? ":" + word((String) reason) : "")));
    }

    /** Protector away or the report shed: the script ran, so the page count starts again; no verdict. */
    private EdgeResult unavailable(ViewerRequest viewer, Mode mode, CookieRead read, Session session, String why) {
        long now = ports.clock().nowMillis() / 1000;
        Session ran = session.withSensor(session.sensor().ran());
        stats.record("unavailable");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("reason", "unavailable");
        CfResponse response = json(202, "Accepted", ports.json().write(body)).withHeader("Set-Cookie",
                cookies.setCookie(ran, now));
        return respond(viewer, response, mark(viewer, read, mode, ran, "sensor.unavailable: " + word(why)));
    }

    private EdgeResult rejected(ViewerRequest viewer, Mode mode, CookieRead read, Session session, String reason) {
        stats.record(reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("reason", reason);
        return respond(viewer, json(403, "Forbidden", ports.json().write(body)),
                mark(viewer, read, mode, session, "sensor.rejected:" + reason));
    }

    private EdgeResult respond(ViewerRequest viewer, CfResponse response, RequestMark mark) {
        return GeneratedResponseLog.respond(generatedLog, ports, viewer, response, mark);
    }

    private static CfResponse noContent(String setCookie) {
        return CfResponse.generated(204, "No Content", CfHeaders.empty().with("Cache-Control", "no-store")
                .with("Set-Cookie", setCookie), "");
    }

    private static CfResponse json(int status, String description, String body) {
        return CfResponse.generated(status, description, CfHeaders.empty()
                .with("Content-Type", "application/json")
                .with("Cache-Control", "no-store")
                .with("X-Content-Type-Options", "nosniff"), body);
    }

    private static CfResponse plain(int status, String description, String body) {
        return CfResponse.generated(status, description, CfHeaders.empty()
                .with("Content-Type", "text/plain; charset=utf-8")
                .with("Cache-Control", "no-store"), body);
    }

    private static RequestMark mark(ViewerRequest viewer, CookieRead read, Mode mode, Session session, String reason) {
        return new RequestMark("allow", read.state().wire(), mode.wire(), session == null ? null : session.id(), null,
                reason, session == null ? null : Long.valueOf(session.issuedAt()),
                session == null ? null : Integer.valueOf(session.challengePasses()),
                viewer.headerNames().isEmpty() ? null : viewer.headerNames());
    }

    private static long number(Object value) {
        return value instanceof Number ? Math.max(0, ((Number) value).longValue()) : 0;
    }

    /** Protector's words, kept short and plain: they end up in a header, a log record and a JSON answer. */
    static String word(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 48; i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':'
                    || c == '+') {
                out.append(c);
            }
        }
        return out.length() == 0 ? "refused" : out.toString();
    }
}
