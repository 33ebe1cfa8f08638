package io.edgeward.emulator;

/**
 * A viewer's request as the emulated CloudFront holds it between events: what the viewer-request function sees and,
 * after it returns the (possibly modified) request, what goes on (to the cache and the origin).
 *
 * @param body            the full body the viewer sent (CloudFront forwards all of it; functions see at most the
 *                        include-body limit of it)
 * @param viewerHeaders   the {@code cloudfront-viewer-*} headers CloudFront adds after the viewer-request event
 *                        ({@link #withViewerHeaders()}), so origin-facing functions and the origin see them
 */
public record EdgeRequest(String requestId, String clientIp, String method, String uri, String querystring,
                           EventHeaders headers, byte[] body, EventHeaders viewerHeaders) {

    public EdgeRequest {
        headers = headers == null ? EventHeaders.empty() : headers;
        body = body == null ? new byte[0] : body;
        viewerHeaders = viewerHeaders == null ? EventHeaders.empty() : viewerHeaders;
    }

    /** A request without CloudFront viewer headers. */
    public EdgeRequest(String requestId, String clientIp, String method, String uri, String querystring,
                        EventHeaders headers, byte[] body) {
        this(requestId, clientIp, method, uri, querystring, headers, body, EventHeaders.empty());
    }

    /**
     * The request with CloudFront's viewer headers added, overwriting any of the same name (as CloudFront overwrites
     * a viewer's own); applied once the viewer-request function returned.
     */
    public EdgeRequest withViewerHeaders() {
        EventHeaders merged = headers;
        for (String name : viewerHeaders.asMap().keySet()) {
            merged = merged.with(name, viewerHeaders.first(name).orElse(""));
        }
        return new EdgeRequest(requestId, clientIp, method, uri, querystring, merged, body, EventHeaders.empty());
    }

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

    public EdgeRequest withEdits(String newUri, String newQuery, EventHeaders newHeaders, byte[] newBody) {
        return new EdgeRequest(requestId, clientIp, method, newUri, newQuery, newHeaders, newBody, viewerHeaders);
    }
}
