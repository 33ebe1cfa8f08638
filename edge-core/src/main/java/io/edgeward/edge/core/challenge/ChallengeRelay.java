package io.edgeward.edge.core.challenge;

import io.edgeward.edge.core.block.HeldBlock;
import io.edgeward.edge.core.block.KnownBlocks;
import io.edgeward.edge.core.config.CheckIntervalConfig;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.decision.AnsweredOnce;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.response.Html;
import io.edgeward.edge.core.response.MitigationResponses;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Relays a challenge answer; the edge verifies nothing itself, Protector does.
 * {@code POST /.edgeward/challenge/verify}: the viewer-request function reads the answer (include-body), forwards it
 * to Protector {@code POST /v1/challenge/verify} with the client IP, user agent and the session of the visitor's
 * cookie, and answers the visitor itself. Passed: the cookie is re-issued with {@code cpa} (challenge passed at) and a
 * fresh check interval, and the visitor goes back to the path the challenge token names ({@code 303}, or JSON).
 * Rejected: a fresh challenge (Protector sends one with its verdict) with a notice. Protector unreachable: the visitor
 * goes back without an upgraded cookie, and is served because the edge then fails open. Every outcome is a generated
 * response and is logged as one, so detection sees repeated failures. Calls back exactly once.
 *
 * <p>Blocks hold (DESIGN "Mitigation principles"): while the cookie carries a live block, or the address has a
 * remembered one, the answer is a block and Protector is not asked, so no challenge can lift a block. Relayed through
 * {@link ProtectorClient#verify}, behind the same breaker as checks: with Protector down the visitor is sent back at
 * once instead of after the whole verify timeout. A pass adds one to the session's {@code cpn}. The verify path is
 * recognised on the normalised path, so no spelling of it reaches the origin.
 */
public final class ChallengeRelay {

    public static final String VERIFY_PATH = "/.edgeward/challenge/verify";

    private final CheckIntervalConfig intervals;
    private final int timeoutMillis;
    private final EdgePorts ports;
    private final SessionCookieCodec cookies;
    private final ChallengeResponses responses;
    private final MitigationResponses mitigation;
    private final ProtectorClient protector;
    private final KnownBlocks blocks;
    private final GeneratedResponseLog generatedLog;

    public ChallengeRelay(CheckIntervalConfig intervals, long timeoutMillis, EdgePorts ports,
                             SessionCookieCodec cookies, ChallengeResponses responses, MitigationResponses mitigation,
                             ProtectorClient protector, KnownBlocks blocks, GeneratedResponseLog generatedLog) {
        this.intervals = intervals;
        this.timeoutMillis = (int) timeoutMillis;
        this.ports = ports;
        this.cookies = cookies;
        this.responses = responses;
        this.mitigation = mitigation;
        this.protector = protector;
        this.blocks = blocks;
        this.generatedLog = generatedLog;
    }

    /** Takes the normalised path (PathNormaliser). */
    public static boolean isVerifyPath(String path) {
        return VERIFY_PATH.equals(path);
    }

    public void handle(ViewerRequest viewer, Mode mode, CookieRead read, Consumer<EdgeResult> done) {
        if (!"POST".equals(viewer.method())) {
            done.accept(respond(viewer, responses.methodNotAllowed(), mark(viewer, "challenge", read, mode, null,
                    "challenge.verify:method")));
            return;
        }
        long now = ports.clock().nowMillis() / 1000;
        Session usable = read.state().usable() ? read.session() : null;
        HeldBlock held = blocks.carried(usable, viewer.clientIp(), now);
        if (held == null) {
            held = blocks.forAddress(viewer.clientIp(), now);
        }
        if (held != null) {
            done.accept(respond(viewer, mitigation.block(viewer, held.reason(), null), mark(viewer, "block", read, mode,
                    usable == null ? null : usable.id(), "challenge.refused: " + held.reason())));
            return;
        }
        VerifyForm form;
        try {
            form = VerifyForm.read(viewer.request(), ports.json());
        } catch (VerifyForm.Unreadable unreadable) {
            boolean jsonClient = !Html.wantedBy(viewer.accept());
            done.accept(rejected(viewer, mode, read, unreadable.reason(), null, "/", jsonClient));
            return;
        }
        if (!read.state().usable()) {
            done.accept(rejected(viewer, mode, read, "no_session", null, TokenPeek.returnTo(form.token(), ports.json()),
                    jsonClient(viewer, form)));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", form.token());
        body.put("answer", form.answer());
        body.put("clientIp", viewer.clientIp());
        body.put("userAgent", viewer.userAgent());
        body.put("sessionId", read.session().id());
        if (form.automation() != null) {
            body.put("automation", form.automation());
        }
        protector.verify(ports.json().write(body), timeoutMillis, new AnsweredOnce(
                "challenge verification fault: ", (status, answer) -> verdict(viewer, mode, read, form, status, answer),
                failure -> unavailable(viewer, mode, read, form, failure), done));
    }

    private EdgeResult verdict(ViewerRequest viewer, Mode mode, CookieRead read, VerifyForm form, int status,
                               String text) {
        boolean jsonClient = jsonClient(viewer, form);
        if (status != 200) {
            return unavailable(viewer, mode, read, form, "status " + status);
        }
        Map<String, Object> answer;
        try {
            answer = ports.json().parseObject(text == null ? "" : text);
        } catch (IllegalArgumentException unreadable) {
            return unavailable(viewer, mode, read, form, "unreadable verify answer");
        }
        Session session = read.session();
        String returnTo = ReturnPath.safe(answer.get("returnTo") instanceof String ? (String) answer.get("returnTo")
                : null);
        if (Boolean.TRUE.equals(answer.get("ok")) && session.id().equals(answer.get("sessionId"))) {
            long now = ports.clock().nowMillis() / 1000;
            Session upgraded = session.challengePassedAt(now, now + intervals.initialMillis() / 1000);
            return respond(viewer, responses.passed(returnTo, cookies.setCookie(upgraded, now), jsonClient),
                    mark(viewer, "allow", read, mode, session.id(), "challenge.passed"));
        }
        Object reason = answer.get("reason");
        return rejected(viewer, mode, read, reason instanceof String ? word((String) reason) : "rejected",
                ChallengeOffer.fromJson(answer.get("challenge")), returnTo, jsonClient);
    }

    private EdgeResult rejected(ViewerRequest viewer, Mode mode, CookieRead read, String reason, ChallengeOffer fresh,
                                String returnTo, boolean jsonClient) {
        CfResponse response = responses.retry(viewer, fresh, "challenge.failed:" + reason,
                ChallengeResponses.siteUrl(viewer, returnTo), jsonClient);
        String sessionId = read.session() == null ? null : read.session().id();
        return respond(viewer, response, mark(viewer, "challenge", read, mode, sessionId, "challenge.failed:" + reason));
    }

    private EdgeResult unavailable(ViewerRequest viewer, Mode mode, CookieRead read, VerifyForm form, String why) {
        ports.log().warn("challenge verification unavailable (" + why + "); sending the visitor back unverified");
        return respond(viewer, responses.unverified(TokenPeek.returnTo(form.token(), ports.json()),
                jsonClient(viewer, form)), mark(viewer, "challenge", read, mode, read.session().id(),
                "challenge.unverified: " + why));
    }

    private EdgeResult respond(ViewerRequest viewer, CfResponse response, RequestMark mark) {
        return GeneratedResponseLog.respond(generatedLog, ports, viewer, response, mark);
    }

    private static boolean jsonClient(ViewerRequest viewer, VerifyForm form) {
        return form.json() || !Html.wantedBy(viewer.accept());
    }

    /** With the session's facts and the viewer's header names, for the log record (docs/contracts.md C8). */
    private static RequestMark mark(ViewerRequest viewer, String action, CookieRead read, Mode mode, String sessionId,
                                    String reason) {
        Session session = read.session();
        return new RequestMark(action, read.state().wire(), mode.wire(), sessionId, null, reason,
                session == null ? null : Long.valueOf(session.issuedAt()),
                session == null ? null : Integer.valueOf(session.challengePasses()),
                viewer.headerNames().isEmpty() ? null : viewer.headerNames());
    }

    /** Protector's reason, kept to a short word (it ends up in a header and a log record). */
    private static String word(String reason) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reason.length() && out.length() < 48; i++) {
            char c = reason.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') {
                out.append(c);
            }
        }
        return out.length() == 0 ? "rejected" : out.toString();
    }
}
