package io.edgeward.passive.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One request as the log record of docs/contracts.md (field names exact). Required: {@code v}, {@code time},
 * {@code requestId}, {@code clientIp}, {@code method}, {@code path}, {@code status}; absent values are left out of
 * the JSON. Cookies are never part of it. {@code observed} names the optional fields the source can see
 * (comma-separated), so that detection never reads a field the source never carries as absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"v", "time", "requestId", "source", "clientIp", "method", "host", "path", "query", "status",
        "bytes", "contentType", "userAgent", "referer", "accept", "acceptLanguage", "edgeLocation", "country",
        "ja3", "ja4", "asn", "timeTakenMs", "observed"})
public record LogRecord(
        String time,
        String requestId,
        String source,
        String clientIp,
        String method,
        String host,
        String path,
        String query,
        int status,
        Long bytes,
        String contentType,
        String userAgent,
        String referer,
        String accept,
        String acceptLanguage,
        String edgeLocation,
        String country,
        String ja3,
        String ja4,
        String asn,
        Double timeTakenMs,
        String observed) {

    public static final String CLOUDFRONT_STANDARD = "cloudfront-standard";
    public static final String CLOUDFRONT_REALTIME = "cloudfront-realtime";
    public static final String ACCESS_LOG = "access-log";

    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** The contract version; always 1. */
    @JsonProperty("v")
    public int v() {
        return 1;
    }
}
