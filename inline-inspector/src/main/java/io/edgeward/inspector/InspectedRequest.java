package io.edgeward.inspector;

import java.util.List;

/**
 * A viewer's request as the inspector sees it after CloudFront: the client IP already resolved (see
 * {@link ViewerAddress}), the path without query, the query without '?'.
 */
record InspectedRequest(String requestId, String clientIp, String method, String uri, String querystring,
        List<Header> headers, byte[] body) {

    InspectedRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    InspectedRequest withEdits(String newUri, String newQuery, List<Header> newHeaders, byte[] newBody) {
        return new InspectedRequest(requestId, clientIp, method, newUri, newQuery, newHeaders, newBody);
    }
}
