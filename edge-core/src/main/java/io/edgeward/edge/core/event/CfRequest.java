package io.edgeward.edge.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code request} of a Lambda@Edge event. Missing fields are empty strings (body: null). {@link #toJson()}
 * writes the modelled fields over the original object, so fields this model does not know (such as {@code origin}
 * in origin-request events) go back to CloudFront untouched.
 */
public record CfRequest(String clientIp, String method, String uri, String querystring, CfHeaders headers,
                        RequestBody body, Map<String, Object> raw) {

    public CfRequest {
        clientIp = clientIp == null ? "" : clientIp;
        method = method == null ? "" : method;
        uri = uri == null ? "" : uri;
        querystring = querystring == null ? "" : querystring;
        headers = headers == null ? CfHeaders.empty() : headers;
        raw = raw == null ? Map.of() : Collections.unmodifiableMap(raw);
    }

    /** Reads the request object; tolerant of missing fields and wrong types (they count as missing). */
    public static CfRequest fromJson(Map<String, Object> map) {
        Map<String, Object> source = map == null ? Map.of() : map;
        return new CfRequest(JsonValues.text(source, "clientIp", ""), JsonValues.text(source, "method", ""),
                JsonValues.text(source, "uri", ""), JsonValues.text(source, "querystring", ""),
                CfHeaders.fromJson(source.get("headers")), RequestBody.fromJson(source.get("body")), source);
    }

    public CfRequest withHeaders(CfHeaders newHeaders) {
        return new CfRequest(clientIp, method, uri, querystring, newHeaders, body, raw);
    }

    /** A copy where the header {@code key} has exactly this one value. */
    public CfRequest withHeader(String key, String value) {
        return withHeaders(headers.with(key, value));
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(raw);
        json.put("clientIp", clientIp);
        json.put("method", method);
        json.put("uri", uri);
        json.put("querystring", querystring);
        json.put("headers", headers.toJson());
        if (body != null) {
            json.put("body", body.toJson());
        }
        return json;
    }
}
