package io.edgeward.edge.core.logrecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the edge saw it: the log record of docs/contracts.md, field names exact. Required: {@code time},
 * {@code requestId}, {@code clientIp}, {@code method}, {@code path}, {@code status}; everything else may be null and
 * is then left out of the JSON. Values are already masked: nothing in here may carry a cookie, an authorization
 * header or a configured query/body field.
 *
 * <p>{@code body} is an optional extension of the contract: a form or JSON request body with the configured fields
 * masked, present only when the event carried one (viewer-request with include-body).
 *
 * <p>{@code path} is the normalised path (PathNormaliser); {@code rawPath} the path as sent, only when it differs.
 * {@code headerNames}, {@code challengePasses} and {@code sessionIssuedAt} are the optional fields of contract C8.
 */
public record LogRecord(String time, String requestId, String source, String clientIp, String method, String host,
                        String path, String query, int status, Long bytes, String contentType, String userAgent,
                        String referer, String accept, String acceptLanguage, String sessionId, String cookieState,
                        String action, String reason, String mode, String decisionId, String edgeLocation,
                        String country, String ja3, String ja4, Long asn, String body, String rawPath,
                        String headerNames, Integer challengePasses, Long sessionIssuedAt) {

    public static final int VERSION = 1;

    /** A record without the fields of contract C8 (as before them). */
    public LogRecord(String time, String requestId, String source, String clientIp, String method, String host,
                     String path, String query, int status, Long bytes, String contentType, String userAgent,
                     String referer, String accept, String acceptLanguage, String sessionId, String cookieState,
                     String action, String reason, String mode, String decisionId, String edgeLocation,
                     String country, String ja3, String ja4, Long asn, String body) {
        this(time, requestId, source, clientIp, method, host, path, query, status, bytes, contentType, userAgent,
                referer, accept, acceptLanguage, sessionId, cookieState, action, reason, mode, decisionId,
                edgeLocation, country, ja3, ja4, asn, body, null, null, null, null);
    }

    /** The record as plain values for the JsonCodec port, in the contract's field order, nulls left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", VERSION);
        json.put("time", time);
        json.put("requestId", requestId);
        put(json, "source", source);
        json.put("clientIp", clientIp);
        json.put("method", method);
        put(json, "host", host);
        json.put("path", path);
        put(json, "rawPath", rawPath);
        put(json, "query", query);
        json.put("status", status);
        put(json, "bytes", bytes);
        put(json, "contentType", contentType);
        put(json, "userAgent", userAgent);
        put(json, "referer", referer);
        put(json, "accept", accept);
        put(json, "acceptLanguage", acceptLanguage);
        put(json, "sessionId", sessionId);
        put(json, "cookieState", cookieState);
        put(json, "action", action);
        put(json, "reason", reason);
        put(json, "mode", mode);
        put(json, "decisionId", decisionId);
        put(json, "edgeLocation", edgeLocation);
        put(json, "country", country);
        put(json, "ja3", ja3);
        put(json, "ja4", ja4);
        put(json, "asn", asn);
        put(json, "body", body);
        put(json, "headerNames", headerNames);
        put(json, "challengePasses", challengePasses);
        put(json, "sessionIssuedAt", sessionIssuedAt);
        return json;
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
