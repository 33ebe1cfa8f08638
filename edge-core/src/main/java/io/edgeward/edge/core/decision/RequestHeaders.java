package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.mark.RequestMark;

/** The x-edgeward-* request headers the viewer-request function passes on (docs/contracts.md "Request marks"). */
final class RequestHeaders {

    static final String PREFIX = "x-edgeward-";
    static final String CLOUDFRONT_PREFIX = "cloudfront-";
    static final String ACTION = "X-Edgeward-Action";
    static final String REASON = "X-Edgeward-Reason";
    static final String SESSION = "X-Edgeward-Session";

    private RequestHeaders() {
    }

    /**
     * Viewers may send x-edgeward-* headers themselves; they are spoofable and removed before anything else. So are
     * cloudfront-* headers unless they are trusted (EdgeConfig#trustCloudFrontHeaders): otherwise a forged
     * CloudFront-Viewer-Country or -JA4-Fingerprint would reach Protector's check (an allowlist entry on a country,
     * network or fingerprint would let anyone in), the origin and the log records.
     */
    static CfRequest stripped(CfRequest request, boolean trustCloudFrontHeaders) {
        CfHeaders headers = request.headers().withoutPrefix(PREFIX);
        return request.withHeaders(trustCloudFrontHeaders ? headers : headers.withoutPrefix(CLOUDFRONT_PREFIX));
    }

    static CfRequest marked(CfRequest request, RequestMark mark, String setCookie, boolean inject) {
        CfRequest out = request.withHeader("X-Edgeward-Mark", mark.format());
        if (setCookie != null) {
            out = out.withHeader("X-Edgeward-Set-Cookie", setCookie);
        }
        if (inject) {
            out = out.withHeader(ACTION, mark.action());
            if (mark.reason() != null) {
                out = out.withHeader(REASON, headerSafe(mark.reason()));
            }
            if (mark.sessionId() != null) {
                out = out.withHeader(SESSION, mark.sessionId());
            }
        }
        return out;
    }

    /** Printable ASCII only and bounded: the reason comes from Protector and must not break the header. */
    static String headerSafe(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), ViewerPolicy.MAX_REASON));
        for (int i = 0; i < text.length() && out.length() < ViewerPolicy.MAX_REASON; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
