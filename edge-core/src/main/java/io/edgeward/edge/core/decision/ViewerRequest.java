package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.HeaderNames;
import io.edgeward.edge.core.path.NormalisedPath;
import io.edgeward.edge.core.path.PathNormaliser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The viewer's request as the policy sees it, taken from a Lambda@Edge viewer-request event after the spoofable
 * {@code x-edgeward-*} headers were stripped. {@code host} falls back to the distribution's domain name.
 * {@code normalised} is the one normalised form of the path (PathNormaliser) every path decision uses;
 * {@code headerNames} is the request's header names as the contract sends and logs them.
 */
public record ViewerRequest(CfEvent event, CfRequest request, String host, String userAgent, String accept,
                            List<String> cookieHeaders, String country, String ja3, String ja4, String asn,
                            NormalisedPath normalised, String headerNames) {

    /** The headers Protector's request-time tier reads (first value each). */
    static final List<String> TIER_HEADERS = List.of("accept", "accept-language", "accept-encoding", "sec-ch-ua",
            "sec-fetch-mode", "sec-fetch-site", "referer");

    public static ViewerRequest from(CfEvent event, CfRequest stripped) {
        CfHeaders headers = stripped.headers();
        String host = headers.first("host");
        if (host == null || host.isEmpty()) {
            host = event.config().distributionDomainName();
        }
        return new ViewerRequest(event, stripped, host, headers.first("user-agent"), headers.first("accept"),
                headers.values("cookie"), headers.first("cloudfront-viewer-country"),
                headers.first("cloudfront-viewer-ja3-fingerprint"), headers.first("cloudfront-viewer-ja4-fingerprint"),
                headers.first("cloudfront-viewer-asn"), PathNormaliser.normalise(stripped.uri()),
                HeaderNames.of(event.request().headers()));
    }

    public String clientIp() {
        return request.clientIp();
    }

    /** The normalised path: what routes, exclusions, always-served paths, the check and the log judge. */
    public String path() {
        return normalised.path();
    }

    /** The path as the viewer sent it ({@code /} when empty). */
    public String rawPath() {
        return request.uri().isEmpty() ? "/" : request.uri();
    }

    /** Whether the raw path used a form origins resolve differently from how it reads: never an asset. */
    public boolean trickyPath() {
        return normalised.tricky();
    }

    public String query() {
        return request.querystring();
    }

    public String method() {
        return request.method();
    }

    /** The request-time tier headers present, lowercase name to first value. */
    public Map<String, Object> tierHeaders() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : TIER_HEADERS) {
            String value = request.headers().first(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /** The URL the viewer asked for (where the challenge is taken, since it is served at the visitor's own URL). */
    public String url() {
        String query = request.querystring();
        return "https://" + host + request.uri() + (query.isEmpty() ? "" : "?" + query);
    }
}
