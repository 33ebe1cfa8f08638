package io.edgeward.passive.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudFront log fields a log record is built from, under every name CloudFront gives them: the standard
 * (legacy and v2) names such as {@code cs(User-Agent)} and the real-time names such as {@code cs-user-agent}.
 * Other fields (cookies among them) are read past and never copied.
 */
public enum Column {
    DATE("date"),
    TIME("time"),
    TIMESTAMP_MS("timestamp(ms)"),
    TIMESTAMP_SECONDS("timestamp"),
    EDGE_LOCATION("x-edge-location"),
    BYTES("sc-bytes"),
    CLIENT_IP("c-ip"),
    METHOD("cs-method"),
    DISTRIBUTION_HOST("cs(host)", "cs-host"),
    URI_STEM("cs-uri-stem"),
    STATUS("sc-status"),
    REFERER("cs(referer)", "cs-referer"),
    USER_AGENT("cs(user-agent)", "cs-user-agent"),
    QUERY("cs-uri-query"),
    REQUEST_ID("x-edge-request-id"),
    HOST_HEADER("x-host-header"),
    TIME_TAKEN("time-taken"),
    CONTENT_TYPE("sc-content-type"),
    COUNTRY("c-country"),
    ASN("asn"),
    ACCEPT("cs-accept"),
    HEADERS("cs-headers"),
    JA3("ja3-fingerprint", "cs-ja3-fingerprint"),
    JA4("ja4-fingerprint", "cs-ja4-fingerprint");

    private static final Map<String, Column> BY_NAME = new HashMap<>();

    static {
        for (Column column : values()) {
            for (String name : column.names) {
                BY_NAME.put(name, column);
            }
        }
    }

    private final List<String> names;

    Column(String... names) {
        this.names = List.of(names);
    }

    /** Every name of this field, lowercase. */
    List<String> names() {
        return names;
    }

    /** The first (standard log) name, as used in error messages. */
    public String fieldName() {
        return names.get(0);
    }

    /** The column a CloudFront field name stands for, matched case-insensitively; null for fields we do not use. */
    public static Column forFieldName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
