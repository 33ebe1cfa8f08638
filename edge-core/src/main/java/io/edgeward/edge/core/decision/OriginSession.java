package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import java.util.List;

/**
 * The visitor's session as the origin-request function can know it. The cookie to read is the one the
 * viewer-request function just issued ({@code x-edgeward-set-cookie}) or else the viewer's own {@code Cookie}; it is
 * verified here like at viewer-request, binding included, so that only a real cookie says a challenge was passed.
 * The cookie state sent to Protector is the viewer-request function's ({@code x-edgeward-mark}), since a cookie it
 * minted a moment ago is new to Protector. When no cookie reads here (the origin request policy forwards no
 * User-Agent, or no cookie), the mark's session id and state are used and {@link Read#readHere()} is false.
 */
final class OriginSession {

    /**
     * What the check is told; {@code sessionId} may be null (no viewer-request mark and no cookie); {@code session}
     * is the cookie's session when it was read here (for checks that send more of it), else null.
     */
    record Read(String sessionId, CookieState cookieState, boolean challengePassed, boolean readHere,
                Session session) {
    }

    private final SessionCookieCodec cookies;

    OriginSession(SessionCookieCodec cookies) {
        this.cookies = cookies;
    }

    Read read(ViewerRequest viewer, RequestMark viewerMark, long nowSeconds) {
        String issued = viewer.request().header(RequestMark.SET_COOKIE_HEADER);
        List<String> cookieHeaders = issued != null ? List.of(pair(issued)) : viewer.cookieHeaders();
        CookieRead read = cookies.read(cookieHeaders, viewer.userAgent(), nowSeconds);
        CookieState markState = viewerMark == null ? null : stateOf(viewerMark.cookieState());
        if (read.state().usable()) {
            return new Read(read.session().id(), markState != null ? markState : read.state(),
                    read.session().challengePassed(), true, read.session());
        }
        return new Read(viewerMark == null ? null : viewerMark.sessionId(),
                markState != null ? markState : read.state(), false, false, null);
    }

    /** {@code name=value} of a Set-Cookie value, which is what a Cookie header carries. */
    private static String pair(String setCookie) {
        int end = setCookie.indexOf(';');
        return end < 0 ? setCookie : setCookie.substring(0, end);
    }

    private static CookieState stateOf(String wire) {
        for (CookieState state : CookieState.values()) {
            if (state.wire().equals(wire)) {
                return state;
            }
        }
        return null;
    }
}
