package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.challenge.ChallengeResponses;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.protector.CheckOutcome;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.response.MitigationResponses;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.List;
import java.util.function.Consumer;

/**
 * The origin-request decision (docs/contracts.md C9): CloudFront adds {@code CloudFront-Viewer-JA4-Fingerprint},
 * {@code -JA3-Fingerprint}, {@code -Country} and {@code -ASN} only after the viewer-request event, so decisions on
 * those scopes are enforced here, on cache misses, by asking {@code /v1/check} with {@code scopes} set to
 * {@link #SCOPES}: Protector then consults only the allowlist and the stored decisions of those scopes.
 *
 * <p>Same budget, breaker and fail-open rules as the viewer-request function (its own breaker: a separate function);
 * a block or challenge is the same generated response, logged through the same {@link GeneratedResponseLog}. A
 * request without any of those headers, or on an excluded path, is forwarded without a call. Allow, monitor and block
 * answers are kept ({@link OriginAnswerCache}) per session, or per address for a visitor without a usable cookie, for
 * at most the answer's ttl and the check interval (the maximum for an established cookie, the initial one
 * otherwise): a visitor costs about one scoped check per interval, as at viewer-request, and a new decision reaches
 * it within that interval. A challenge is only
 * enforced when this function could read the visitor's session itself (see {@link OriginSession}); otherwise a
 * visitor who solved one could be challenged on every cache miss. Block is enforced either way. Callback based like
 * {@link ViewerPolicy}: {@code done} is called exactly once and no exception escapes.
 */
public final class OriginRequestPolicy {

    /** The scopes this association enforces (C1 {@code scopes}); {@code ja3} is not a stored scope yet. */
    public static final List<String> SCOPES = List.of("ja4", "ja3", "country", "asn");

    private final EdgePorts ports;
    private final RouteMatcher routes;
    private final OriginSession sessions;
    private final CircuitBreaker breaker;
    private final ProtectorClient protector;
    private final MitigationResponses responses;
    private final GeneratedResponseLog generatedLog;
    private final OriginAnswerCache answers = new OriginAnswerCache(OriginAnswerCache.DEFAULT_MAX_ENTRIES);
    private final long establishedCacheMillis;
    private final long newVisitorCacheMillis;
    /** Said once per function instance, not per request. */
    private volatile boolean saidUnreadable;

    public OriginRequestPolicy(EdgeConfig config, EdgePorts ports, TokenCodec tokens,
                               GeneratedResponseLog generatedLog) {
        this.ports = ports;
        this.routes = new RouteMatcher(config);
        this.sessions = new OriginSession(new SessionCookieCodec(config.cookie(), tokens, ports.digest()));
        this.breaker = new CircuitBreaker(config.protector().breakerFailures(), config.protector().breakerOpenMillis(),
                ports.clock());
        this.protector = new ProtectorClient(config.protector(), new ScopedCheckHttp(ports.http(), SCOPES),
                ports.json(), breaker, ports.log());
        this.responses = new MitigationResponses(ports.json(),
                new ChallengeResponses(ports.json(), config.challenge().page()));
        this.generatedLog = generatedLog;
        this.establishedCacheMillis = config.checkInterval().maxMillis();
        this.newVisitorCacheMillis = config.checkInterval().initialMillis();
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
        // x-edgeward-* headers here were set by our viewer-request function (it strips the viewer's own), and
        // cloudfront-* headers by CloudFront (it overwrites a viewer's): nothing is stripped.
        ViewerRequest viewer = ViewerRequest.from(event, event.request());
        RequestMark viewerMark = RequestMark.parseOrNull(viewer.request().header(RequestMark.HEADER));
        if (!hasScopedHeader(viewer) || routes.isExcluded(viewer.path())) {
            done.accept(new EdgeResult.Forward(viewer.request(), viewerMark));
            return;
        }
        Mode mode = routes.modeFor(viewer.path());
        long now = ports.clock().nowMillis();
        OriginSession.Read session = sessions.read(viewer, viewerMark, now / 1000);
        String key = cacheKey(viewer, session);
        ProtectorAnswer kept = answers.get(key, now);
        if (kept != null) {
            done.accept(answered(viewer, viewerMark, mode, session, kept));
            return;
        }
        protector.check(viewer, session.sessionId(), session.cookieState(), session.challengePassed(),
                outcome -> complete(viewer, viewerMark, mode, session, key, outcome, done));
    }

    /**
     * An established visitor's answers are its session's; a visitor without a usable cookie is keyed by address, so
     * a client refusing cookies (a new session every request) still hits. The scoped values are part of the key.
     */
    private static String cacheKey(ViewerRequest viewer, OriginSession.Read session) {
        String who = session.cookieState().usable() && session.sessionId() != null ? "s " + session.sessionId()
                : "a " + viewer.clientIp();
        return who + '\n' + viewer.ja4() + '\n' + viewer.ja3() + '\n' + viewer.country() + '\n' + viewer.asn();
    }

    private void keep(String key, ViewerRequest viewer, OriginSession.Read session, ProtectorAnswer answer) {
        boolean established = session.cookieState().usable();
        long cap = established ? establishedCacheMillis : newVisitorCacheMillis;
        long ttl = Math.min(cap, answer.ttlSeconds() > Long.MAX_VALUE / 1000 ? cap : answer.ttlSeconds() * 1000);
        long now = ports.clock().nowMillis();
        answers.put(key, answer, ttl, now);
        if (!established && session.readHere() && session.sessionId() != null) {
            // The cookie the viewer-request function just issued comes back on the next request: same answer.
            answers.put(cacheKey(viewer, new OriginSession.Read(session.sessionId(),
                    CookieState.VALID, false, true, session.session())), answer, ttl, now);
        }
    }

    private void complete(ViewerRequest viewer, RequestMark viewerMark, Mode mode, OriginSession.Read session,
                          String key, CheckOutcome outcome, Consumer<EdgeResult> done) {
        EdgeResult result;
        try {
            if (outcome instanceof CheckOutcome.Answered answeredOutcome) {
                keep(key, viewer, session, answeredOutcome.answer());
                result = answered(viewer, viewerMark, mode, session, answeredOutcome.answer());
            } else {
                // Fail open: the viewer-request function's decision stands, unchanged.
                result = new EdgeResult.Forward(viewer.request(), viewerMark);
            }
        } catch (RuntimeException fault) {
            result = new EdgeResult.Passthrough("policy fault: " + fault);
        }
        done.accept(result);
    }

    private EdgeResult answered(ViewerRequest viewer, RequestMark viewerMark, Mode mode, OriginSession.Read session,
                                ProtectorAnswer answer) {
        Action action = answer.action();
        if (action == Action.ALLOW) {
            return new EdgeResult.Forward(viewer.request(), viewerMark);
        }
        RequestMark mark = new RequestMark(action.wire(), session.cookieState().wire(), mode.wire(),
                session.sessionId(), bounded(answer.decisionId(), ViewerPolicy.MAX_DECISION_ID),
                bounded(answer.reason(), ViewerPolicy.MAX_REASON));
        // The viewer-request function's re-issued cookie rides on the request: the visitor keeps its session.
        String setCookie = viewer.request().header(RequestMark.SET_COOKIE_HEADER);
        if (mode == Mode.MITIGATE && action == Action.BLOCK) {
            return respond(viewer, responses.block(viewer, answer.reason(), setCookie), mark);
        }
        if (mode == Mode.MITIGATE && action == Action.CHALLENGE) {
            if (!session.readHere()) {
                if (!saidUnreadable) {
                    saidUnreadable = true;
                    ports.log().warn("challenges at origin-request are not enforced: the session cookie is unreadable"
                            + " here (forward User-Agent and the cookie to the origin); blocks still are");
                }
                return new EdgeResult.Forward(viewer.request(), viewerMark);
            }
            return respond(viewer, responses.challenge(viewer, answer.challenge(), answer.reason(), setCookie), mark);
        }
        // Inject and monitor (and monitor answers): the origin and the log see what origin-request decided.
        return new EdgeResult.Forward(RequestHeaders.marked(viewer.request(), mark, null, mode == Mode.INJECT), mark);
    }

    private EdgeResult respond(ViewerRequest viewer, CfResponse response, RequestMark mark) {
        return GeneratedResponseLog.respond(generatedLog, ports, viewer, response, mark);
    }

    private static boolean hasScopedHeader(ViewerRequest viewer) {
        return present(viewer.ja4()) || present(viewer.ja3()) || present(viewer.country()) || present(viewer.asn());
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
