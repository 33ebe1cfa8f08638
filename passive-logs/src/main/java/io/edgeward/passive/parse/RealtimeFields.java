package io.edgeward.passive.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The real-time log fields in the order CloudFront writes them. A real-time log configuration selects some of
 * them; records carry the selected fields in this canonical order whatever order they were selected in, so a
 * configured list is sorted into it. Source: the 69-field canonical order in
 * testdata/cloudfront-logs/cloudfront_log_fields.md (section 3b).
 */
public final class RealtimeFields {

    public static final List<String> CANONICAL = List.of("timestamp", "c-ip", "s-ip", "time-to-first-byte",
            "sc-status", "sc-bytes", "cs-method", "cs-protocol", "cs-host", "cs-uri-stem", "cs-bytes",
            "x-edge-location", "x-edge-request-id", "x-host-header", "time-taken", "cs-protocol-version",
            "c-ip-version", "cs-user-agent", "cs-referer", "cs-cookie", "cs-uri-query",
            "x-edge-response-result-type", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-result-type",
            "fle-encrypted-fields", "fle-status", "sc-content-type", "sc-content-len", "sc-range-start",
            "sc-range-end", "c-port", "x-edge-detailed-result-type", "c-country", "cs-accept-encoding", "cs-accept",
            "cache-behavior-path-pattern", "cs-headers", "cs-header-names", "cs-headers-count",
            "primary-distribution-id", "primary-distribution-dns-name", "origin-fbl", "origin-lbl", "asn",
            "cmcd-encoded-bitrate", "cmcd-buffer-length", "cmcd-buffer-starvation", "cmcd-content-id",
            "cmcd-object-duration", "cmcd-deadline", "cmcd-measured-throughput", "cmcd-next-object-request",
            "cmcd-next-range-request", "cmcd-object-type", "cmcd-playback-rate",
            "cmcd-requested-maximum-throughput", "cmcd-streaming-format", "cmcd-session-id", "cmcd-stream-type",
            "cmcd-startup", "cmcd-top-bitrate", "cmcd-version", "r-host", "sr-reason", "x-edge-mqcs",
            "distribution-tenant-id", "connection-id");

    private RealtimeFields() {
    }

    /**
     * The selected fields in canonical order.
     *
     * @throws IllegalArgumentException naming the first field that is not a real-time log field, or a duplicate
     */
    public static List<String> inCanonicalOrder(List<String> selected) {
        List<String> sorted = new ArrayList<>();
        for (String name : selected) {
            String field = name.trim();
            if (!CANONICAL.contains(field)) {
                throw new IllegalArgumentException("'" + field + "' is not a CloudFront real-time log field");
            }
            if (sorted.contains(field)) {
                throw new IllegalArgumentException("'" + field + "' is listed twice");
            }
            sorted.add(field);
        }
        sorted.sort(Comparator.comparingInt(CANONICAL::indexOf));
        return List.copyOf(sorted);
    }
}
