package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.block.HeldBlock;
import io.edgeward.edge.core.block.KnownBlocks;
import io.edgeward.edge.core.challenge.ChallengeResponses;
import io.edgeward.edge.core.challenge.ChallengeRelay;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.protector.CheckOutcome;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.protector.TokenBucket;
import io.edgeward.edge.core.response.MitigationResponses;
import io.edgeward.edge.core.sensor.SensorEndpoints;
import io.edgeward.edge.core.sensor.SensorPolicy;
import io.edgeward.edge.core.sensor.SensorStats;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.SensorState;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.function.Consumer;

/**
 * The viewer-request decision (DESIGN "The loop", docs/edge.md "The decision flow"), on the normalised path:
 * <ol>
 *   <li>the challenge verify path goes to {@link ChallengeRelay};</li>
 *   <li>a GET or HEAD of an always-served path ({@code /robots.txt}, {@code /.well-known/}) is forwarded
 *       unchecked, even for a blocked client;</li>
 *   <li>a block already known (carried in the cookie, or remembered for the address: {@link KnownBlocks}) is
 *       enforced with no Protector call;</li>
 *   <li>the browser sensor's paths ({@code /.edgeward/s.js}, {@code /.edgeward/signals}) go to
 *       {@link SensorEndpoints};</li>
 *   <li>an excluded path, then a fresh valid cookie, is forwarded without a call, unless the sensor's claims make
 *       the session suspect ({@link SensorPolicy}): then Protector judges it. An HTML page of a session that owes a
 *       sensor report is counted in the re-issued cookie;</li>
 *   <li>otherwise Protector is asked within its budget and the answer cached in the re-issued cookie; a block answer
 *       is carried and remembered. Mitigate mode enforces block and challenge; inject mode passes the decision to
 *       the origin; monitor mode only marks.</li>
 * </ol>
 * Protector faults, an open breaker and a shed check fail open, except for an address with a remembered block.
 * Callback based, since the Node target's HTTP is a promise: {@code done} is called exactly once, possibly on
 * another thread, and never with an exception escaping.
 */
public final class ViewerPolicy {

    static final int MAX_REASON = 256;
    static final int MAX_DECISION_ID = 128;

    private final EdgePorts ports;
    private final SessionCookieCodec cookies;
    private final RouteMatcher routes;
    private final CheckIntervals intervals;
    private final ProtectorClient protector;
    private final CircuitBreaker breaker;
    private final KnownBlocks blocks;
    private final MitigationResponses responses;
    private final GeneratedResponseLog generatedLog;
    private final ChallengeRelay challengeRelay;
    private final boolean trustCloudFrontHeaders;
    private final SensorEndpoints sensor;
    private final SensorPolicy sensorPolicy;

    public ViewerPolicy(EdgeConfig config, EdgePorts ports, TokenCodec tokens, GeneratedResponseLog generatedLog) {
        this.ports = ports;
        this.cookies = new SessionCookieCodec(config.cookie(), tokens, ports.digest());
        this.routes = new RouteMatcher(config);
        this.intervals = new CheckIntervals(config.checkInterval());
        this.breaker = new CircuitBreaker(config.protector().breakerFailures(), config.protector().breakerOpenMillis(),
                ports.clock());
        TokenBucket bucket = new TokenBucket(config.protector().ratePerSecond(), config.protector().rateBurst(),
                ports.clock());
        this.protector = new ProtectorClient(config.protector(), ports.http(), ports.json(), breaker, bucket,
                ports.log());
        this.blocks = new KnownBlocks(config.blocks());
        ChallengeResponses challenges = new ChallengeResponses(ports.json(), config.challenge().page());
        this.responses = new MitigationResponses(ports.json(), challenges);
        this.generatedLog = generatedLog;
        this.trustCloudFrontHeaders = config.trustCloudFrontHeaders();
        this.challengeRelay = new ChallengeRelay(config.checkInterval(), config.challenge().verifyTimeoutMillis(),
                ports, cookies, challenges, responses, protector, blocks, generatedLog);
        this.sensor = new SensorEndpoints(config.sensor(), ports, cookies, tokens, protector, generatedLog);
        this.sensorPolicy = new SensorPolicy(config.sensor());
    }

    /** This environment's sensor counters (for tests and the local front's diagnostics). */
    public SensorStats sensorStats() {
        return sensor.stats();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The environment's known blocks (for tests and the local front's diagnostics). */
    public KnownBlocks blocks() {
        return blocks;
    }

    public void handle(CfEvent event, Consumer<EdgeResult> done) {
        try {
            decide(event, done);
        } catch (RuntimeException fault) {
            done.accept(new EdgeResult.Passthrough("policy fault: " + fault));
        }
    }

    private void decide(CfEvent event, Consumer<EdgeResult> done) {
        CfRequest request = RequestHeaders.stripped(event.request(), trustCloudFrontHeaders);
        ViewerRequest viewer = ViewerRequest.from(event, request);
        Mode mode = routes.modeFor(viewer.path());
        long now = ports.clock().nowMillis() / 1000;
        CookieRead read = cookies.read(viewer.cookieHeaders(), viewer.userAgent(), now);
        Session usable = read.state().usable() ? read.session() : null;
        if (ChallengeRelay.isVerifyPath(viewer.path())) {
            challengeRelay.handle(viewer, mode, read, done);
            return;
        }
        if (readOnly(viewer.method()) && routes.isAlwaysServed(viewer.normalised())) {
            done.accept(forward(viewer, mode, mark(viewer, "allow", read, mode, usable, null, "always-served"), null));
            return;
        }
        Session session = usable;
        if (session == null && (!blocks.cache().isEmpty() || !routes.isExcluded(viewer.normalised()))) {
            session = cookies.newSession(viewer.userAgent(), now, ports.randomness());
        }
        HeldBlock held = blocks.before(usable, viewer.clientIp(), session == null ? null : session.userAgentHash(),
                now);
        if (held != null) {
            done.accept(heldBlock(viewer, mode, read, session, held, now));
            return;
        }
        if (sensor.owns(viewer.path())) {
            sensor.handle(viewer, mode, read,
                    session != null ? session : cookies.newSession(viewer.userAgent(), now, ports.randomness()), done);
            return;
        }
        if (routes.isExcluded(viewer.normalised())) {
            done.accept(forward(viewer, mode, mark(viewer, "allow", read, mode, usable, null, "excluded"), null));
            return;
        }
        String suspect = sensorPolicy.suspect(usable, now);
        Session counted = sensorPolicy.pageLoaded(session, viewer, now);
        if (read.state() == CookieState.VALID && suspect == null) {
            String setCookie = counted == usable ? null : cookies.setCookie(counted, now);
            done.accept(forward(viewer, mode, mark(viewer, "allow", read, mode, counted, null, null), setCookie));
            return;
        }
        Session checked = counted;
        protector.check(viewer, checked, read.state(), suspect,
                outcome -> complete(viewer, mode, read, checked, outcome, done));
    }

    private void complete(ViewerRequest viewer, Mode mode, CookieRead read, Session session, CheckOutcome outcome,
                          Consumer<EdgeResult> done) {
        EdgeResult result;
        try {
            result = outcome instanceof CheckOutcome.Answered
                    ? answered(viewer, mode, read, session, ((CheckOutcome.Answered) outcome).answer())
                    : failedOpen(viewer, mode, read, session, ((CheckOutcome.Unavailable) outcome).reason());
        } catch (RuntimeException fault) {
            result = new EdgeResult.Passthrough("policy fault: " + fault);
        }
        done.accept(result);
    }

    private EdgeResult answered(ViewerRequest viewer, Mode mode, CookieRead read, Session session,
                                ProtectorAnswer answer) {
        long now = ports.clock().nowMillis() / 1000;
        Session updated = intervals.apply(session, answer, now);
        if (answer.sensorExempt() && !updated.sensor().is(SensorState.EXEMPT, now)) {
            updated = updated.withSensor(updated.sensor().exemptUntil(now, updated.checkedUntil()));
        }
        if (answer.action() == Action.BLOCK) {
            updated = blocks.remember(answer, updated, viewer.clientIp(), now);
        }
        String setCookie = cookies.setCookie(updated, now);
        RequestMark mark = mark(viewer, answer.action().wire(), read, mode, updated, answer.decisionId(),
                answer.reason());
        if (mode == Mode.MITIGATE && answer.action() == Action.BLOCK) {
            return respond(viewer, responses.block(viewer, answer.reason(), setCookie), mark);
        }
        if (mode == Mode.MITIGATE && answer.action() == Action.CHALLENGE) {
            return respond(viewer, responses.challenge(viewer, answer.challenge(), answer.reason(), setCookie), mark);
        }
        return forward(viewer, mode, mark, setCookie);
    }

    /**
     * Protector is unavailable (down, breaker open, check shed): serve, unless the address has a remembered block
     * (an established session is asked about first, so it meets the cache only here). A new visitor still gets a
     * session, unchecked, so its requests correlate.
     */
    private EdgeResult failedOpen(ViewerRequest viewer, Mode mode, CookieRead read, Session session, String reason) {
        long now = ports.clock().nowMillis() / 1000;
        HeldBlock held = blocks.forAddress(viewer.clientIp(), now);
        if (held != null) {
            return heldBlock(viewer, mode, read, session, held, now);
        }
        String setCookie = read.state().usable() ? null : cookies.setCookie(session, now);
        RequestMark mark = mark(viewer, "allow", read, mode, session, null, "fail-open: " + reason);
        return forward(viewer, mode, mark, setCookie);
    }

    /**
     * A known block, enforced with no call. A visitor without a usable cookie gets one carrying the block (from the
     * cache entry), so it holds even where this environment's cache does not reach; a cookie that carries it already
     * is not re-issued.
     */
    private EdgeResult heldBlock(ViewerRequest viewer, Mode mode, CookieRead read, Session session, HeldBlock held,
                                 long now) {
        String setCookie = null;
        Session marked = session;
        if (!read.state().usable() && session != null) {
            marked = session.blocked(held.until(), held.scope(),
                    KnownBlocks.addressScoped(held.scope()) ? viewer.clientIp() : null);
            setCookie = cookies.setCookie(marked, now);
        }
        RequestMark mark = mark(viewer, "block", read, mode, marked, null, held.reason());
        if (mode == Mode.MITIGATE) {
            return respond(viewer, responses.block(viewer, held.reason(), setCookie), mark);
        }
        return forward(viewer, mode, mark, setCookie);
    }

    /** Always-served paths are files to read: a POST to {@code /.well-known/…} is judged like any other request. */
    private static boolean readOnly(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private EdgeResult respond(ViewerRequest viewer, CfResponse response, RequestMark mark) {
        return GeneratedResponseLog.respond(generatedLog, ports, viewer, response, mark);
    }

    private static EdgeResult forward(ViewerRequest viewer, Mode mode, RequestMark mark, String setCookie) {
        return new EdgeResult.Forward(RequestHeaders.marked(viewer.request(), mark, setCookie, mode == Mode.INJECT),
                mark);
    }

    /**
     * Protector's free text is bounded: the mark travels as a request header (CloudFront caps their total size). The
     * session's facts and the viewer's header names ride along for the log record (docs/contracts.md C8).
     */
    static RequestMark mark(ViewerRequest viewer, String action, CookieRead read, Mode mode, Session session,
                            String decisionId, String reason) {
        return new RequestMark(action, read.state().wire(), mode.wire(), session == null ? null : session.id(),
                bounded(decisionId, MAX_DECISION_ID), bounded(reason, MAX_REASON),
                session == null ? null : Long.valueOf(session.issuedAt()),
                session == null ? null : Integer.valueOf(session.challengePasses()),
                viewer.headerNames().isEmpty() ? null : viewer.headerNames());
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
