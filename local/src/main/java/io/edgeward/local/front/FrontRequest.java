package io.edgeward.local.front;

/**
 * A viewer's request as the emulated CloudFront holds it between events: what the viewer-request function sees and,
 * after it returns the (possibly modified) request, what goes to the cache and the origin.
 *
 * @param body the full body the viewer sent (CloudFront forwards all of it; functions see at most the include-body
 *             limit of it)
 */
public record FrontRequest(String requestId, String clientIp, String method, String uri, String querystring,
                           CfHeaders headers, byte[] body) {

    public String host() {
        return headers.first("host").orElse("");
    }

    /** host + uri + query: the cache key of a distribution that forwards the whole query string. */
    public String cacheKey() {
        return host() + uri + (querystring.isEmpty() ? "" : "?" + querystring);
    }

    public String pathAndQuery() {
        return uri + (querystring.isEmpty() ? "" : "?" + querystring);
    }

    FrontRequest withEdits(String newUri, String newQuery, CfHeaders newHeaders, byte[] newBody) {
        return new FrontRequest(requestId, clientIp, method, newUri, newQuery, newHeaders, newBody);
    }
}
