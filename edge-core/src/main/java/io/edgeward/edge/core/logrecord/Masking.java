package io.edgeward.edge.core.logrecord;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces sensitive values before a record leaves the edge; the one implementation used by both edge targets and by
 * the passive log path. A value is masked when its field name is sensitive ({@link FieldNames}: built-in defaults
 * plus the operator's names, minus explicit opt-outs) or when it holds a payment card number ({@link CardNumbers}),
 * in query strings and referers ({@link PairMasker}), form bodies (the same) and JSON bodies
 * ({@link JsonBodyMasker}). A masked value is {@code ***}, written {@code %2A%2A%2A} in queries and forms and
 * {@code "***"} in JSON.
 */
public final class Masking {

    public static final String MASK = "***";

    private final FieldNames names;

    private Masking(FieldNames names) {
        this.names = names;
    }

    /**
     * The defaults, minus {@code unmaskedDefaults}, plus {@code extraNames} (names, not values; case-insensitive).
     *
     * @throws IllegalArgumentException when an opt-out is not a default or a name has no letter or digit
     */
    public static Masking of(List<String> extraNames, List<String> unmaskedDefaults) {
        return new Masking(FieldNames.of(extraNames, unmaskedDefaults));
    }

    /** As configured in {@code logging}: the names of {@code maskQueryParams} and {@code maskBodyFields} mask both. */
    public static Masking from(ShipperConfig.Logging logging) {
        List<String> extra = new ArrayList<>(logging.maskQueryParams());
        extra.addAll(logging.maskBodyFields());
        return of(extra, logging.unmaskDefaults());
    }

    /** A query string ({@code a=1&password=x}) with sensitive values masked; order and encoding kept; null-safe. */
    public String maskQuery(String query) {
        return PairMasker.mask(query, names, false);
    }

    /** A URL (a referer) whose query part is masked like a request query; the fragment is kept; null-safe. */
    public String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        int hash = url.indexOf('#', question);
        String query = hash < 0 ? url.substring(question + 1) : url.substring(question + 1, hash);
        String masked = maskQuery(query);
        if (masked == query) {
            return url;
        }
        return url.substring(0, question + 1) + masked + (hash < 0 ? "" : url.substring(hash));
    }

    /** As {@link #maskBody(String, String, boolean)} for a body that was not cut short. */
    public String maskBody(String body, String contentType) {
        return maskBody(body, contentType, false);
    }

    /**
     * A request body with sensitive values masked; null only when the body is empty. A JSON body (by content type, or
     * starting with {@code {} or {@code [}) is masked in place, a form body (by content type, or with no content type
     * and an {@code =}) pair by pair; any other body, and JSON that does not parse (malformed, or cut short by
     * CloudFront), is replaced by {@code ***} wholesale: a body is never shipped in clear because it could not be read.
     *
     * @param truncated CloudFront cut the body at its include-body limit
     */
    public String maskBody(String body, String contentType, boolean truncated) {
        if (body == null) {
            return null;
        }
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        String type = mediaType(contentType);
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[' || type.indexOf("json") >= 0) {
            String masked = truncated ? null : JsonBodyMasker.mask(trimmed, names);
            return masked == null ? MASK : masked;
        }
        boolean form = type.equals("application/x-www-form-urlencoded")
                || (type.isEmpty() && trimmed.indexOf('=') > 0);
        return form ? PairMasker.mask(trimmed, names, truncated) : MASK;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return Ascii.lowerCase((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim());
    }
}
