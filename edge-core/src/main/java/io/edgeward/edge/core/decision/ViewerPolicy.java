package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.challenge.ChallengeResponses;
import io.edgeward.edge.core.challenge.ChallengeVerifier;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.protector.CheckOutcome;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.response.MitigationResponses;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.function.Consumer;

/**
 * The viewer-request decision (DESIGN "The loop"): a fresh valid cookie is allowed without any call; otherwise
 * Protector is asked within its budget and the answer is cached in the re-issued cookie. Mitigate mode enforces
 * block and challenge; inject mode passes the decision to the origin; monitor mode only marks. Protector faults and
 * an open breaker fail open. Callback based, since the Node target's HTTP is a promise: {@code done} is called
 * exactly once, possibly on another thread, and never with an exception escaping.
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
    private final MitigationResponses responses;
    private final GeneratedResponseLog generatedLog;
    private final ChallengeVerifier challengeVerifier;
    private final boolean trustCloudFrontHeaders;

    public ViewerPolicy(EdgeConfig config, EdgePorts ports, TokenCodec tokens, GeneratedResponseLog generatedLog) {
        this.ports = ports;
        this.cookies = new SessionCookieCodec(config.cookie(), tokens, ports.digest());
        this.routes = new RouteMatcher(config);
        this.intervals = new CheckIntervals(config.checkInterval());
        this.breaker = new CircuitBreaker(config.protector().breakerFailures(), config.protector().breakerOpenMillis(),
                ports.clock());
        this.protector = new ProtectorClient(config.protector(), ports.http(), ports.json(), breaker, ports.log());
        ChallengeResponses challenges = new ChallengeResponses(ports.json(), config.challenge().page());
        this.responses = new MitigationResponses(ports.json(), challenges);
        this.generatedLog = generatedLog;
        this.trustCloudFrontHeaders = config.trustCloudFrontHeaders();
        this.challengeVerifier = new ChallengeVerifier(config.protector(), config.checkInterval(),
                config.challenge().verifyTimeoutMillis(), ports, cookies, challenges, generatedLog);
    }

    public CircuitBreaker breaker() {
        return breaker;
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
        String sessionId = read.session() == null ? null : read.session().id();
        if (ChallengeVerifier.isVerifyPath(viewer.path())) {
            challengeVerifier.handle(viewer, mode, read, done);
            return;
        }
        if (routes.isExcluded(viewer.path())) {
            done.accept(forward(viewer, mode, mark("allow", read.state(), mode, sessionId, null, "excluded"), null));
            return;
        }
        if (read.state() == CookieState.VALID) {
            done.accept(forward(viewer, mode, mark("allow", read.state(), mode, sessionId, null, null), null));
            return;
        }
        Session session = read.state().usable() ? read.session()
                : cookies.newSession(viewer.userAgent(), now, ports.randomness());
        protector.check(viewer, session.id(), read.state(), session.challengePassed(),
                outcome -> complete(viewer, mode, read, session, outcome, done));
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
        String setCookie = cookies.setCookie(updated, now);
        RequestMark mark = mark(answer.action().wire(), read.state(), mode, updated.id(), answer.decisionId(),
                answer.reason());
        if (mode == Mode.MITIGATE && answer.action() == Action.BLOCK) {
            return respond(viewer, responses.block(viewer, answer.reason(), setCookie), mark);
        }
        if (mode == Mode.MITIGATE && answer.action() == Action.CHALLENGE) {
            return respond(viewer, responses.challenge(viewer, answer.challenge(), answer.reason(), setCookie), mark);
        }
        return forward(viewer, mode, mark, setCookie);
    }

    /** Protector is unavailable: serve. A new visitor still gets a session, unchecked, so its requests correlate. */
    private EdgeResult failedOpen(ViewerRequest viewer, Mode mode, CookieRead read, Session session, String reason) {
        long now = ports.clock().nowMillis() / 1000;
        String setCookie = read.state().usable() ? null : cookies.setCookie(session, now);
        RequestMark mark = mark("allow", read.state(), mode, session.id(), null, "fail-open: " + reason);
        return forward(viewer, mode, mark, setCookie);
    }

    private EdgeResult respond(ViewerRequest viewer, io.edgeward.edge.core.event.CfResponse response,
                               RequestMark mark) {
        try {
            generatedLog.generated(viewer, response, mark);
        } catch (RuntimeException logFault) {
            ports.log().warn("could not log a generated response: " + logFault);
        }
        return new EdgeResult.Respond(response, mark);
    }

    private static EdgeResult forward(ViewerRequest viewer, Mode mode, RequestMark mark, String setCookie) {
        return new EdgeResult.Forward(RequestHeaders.marked(viewer.request(), mark, setCookie, mode == Mode.INJECT),
                mark);
    }

    /** Protector's free text is bounded: the mark travels as a request header (CloudFront caps their total size). */
    private static RequestMark mark(String action, CookieState state, Mode mode, String sessionId, String decisionId,
                                    String reason) {
        return new RequestMark(action, state.wire(), mode.wire(), sessionId, bounded(decisionId, MAX_DECISION_ID),
                bounded(reason, MAX_REASON));
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
