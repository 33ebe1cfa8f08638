package io.edgeward.edge.core.logrecord;

import io.edgeward.edge.core.mark.PercentEncoding;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces sensitive values before a record leaves the edge. Names match case-insensitively after percent-decoding,
 * so {@code PassWord=} and {@code pass%77ord=} are masked like {@code password=}. A masked value is {@code ***},
 * written {@code %2A%2A%2A} in queries and form bodies.
 */
public final class Masking {

    public static final String MASK = "***";
    static final String ENCODED_MASK = "%2A%2A%2A";

    private final Set<String> queryNames;
    private final Set<String> bodyNames;
    private final JsonCodec json;

    public Masking(List<String> maskQueryParams, List<String> maskBodyFields, JsonCodec json) {
        this.queryNames = lowered(maskQueryParams);
        this.bodyNames = lowered(maskBodyFields);
        this.json = json;
    }

    /** A query string ({@code a=1&password=x}) with configured parameters' values masked; order and encoding kept. */
    public String maskQuery(String query) {
        return maskPairs(query, queryNames);
    }

    /** A URL (a referer) whose query part is masked like a request query. */
    public String maskUrl(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        int hash = url.indexOf('#', question);
        String query = hash < 0 ? url.substring(question + 1) : url.substring(question + 1, hash);
        return url.substring(0, question + 1) + maskQuery(query) + (hash < 0 ? "" : url.substring(hash));
    }

    /**
     * A request body with configured fields masked, or null when it cannot be masked with certainty (neither a form
     * nor a JSON object, or JSON cut short by CloudFront): a body is then left out rather than risked.
     */
    public String maskBody(String body, String contentType) {
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.charAt(0) == '{' || (contentType != null && contentType.indexOf("json") >= 0)) {
            return maskJsonBody(trimmed);
        }
        boolean form = contentType == null || contentType.startsWith("application/x-www-form-urlencoded");
        return form && trimmed.indexOf('=') > 0 ? maskPairs(trimmed, bodyNames) : null;
    }

    private String maskJsonBody(String body) {
        try {
            Map<String, Object> parsed = json.parseObject(body);
            return json.write(maskJsonValue(parsed));
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private Object maskJsonValue(Object value) {
        if (value instanceof Map) {
            Map<String, Object> masked = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                String name = String.valueOf(entry.getKey());
                masked.put(name, bodyNames.contains(Ascii.lowerCase(name)) && entry.getValue() != null ? MASK
                        : maskJsonValue(entry.getValue()));
            }
            return masked;
        }
        if (value instanceof List) {
            List<Object> masked = new ArrayList<>();
            for (Object item : (List<?>) value) {
                masked.add(maskJsonValue(item));
            }
            return masked;
        }
        return value;
    }

    private static String maskPairs(String pairs, Set<String> names) {
        if (names.isEmpty() || pairs.isEmpty()) {
            return pairs;
        }
        StringBuilder out = null;
        int start = 0;
        while (start <= pairs.length()) {
            int end = pairs.indexOf('&', start);
            if (end < 0) {
                end = pairs.length();
            }
            int equals = pairs.indexOf('=', start);
            if (equals >= 0 && equals < end) {
                String name = Ascii.lowerCase(PercentEncoding.decode(pairs.substring(start, equals), true));
                if (names.contains(name)) {
                    if (out == null) {
                        out = new StringBuilder(pairs.length() + 8).append(pairs, 0, start);
                    }
                    out.append(pairs, start, equals + 1).append(ENCODED_MASK);
                } else if (out != null) {
                    out.append(pairs, start, end);
                }
            } else if (out != null) {
                out.append(pairs, start, end);
            }
            if (end < pairs.length() && out != null) {
                out.append('&');
            }
            start = end + 1;
        }
        return out == null ? pairs : out.toString();
    }

    private static Set<String> lowered(List<String> names) {
        Set<String> set = new HashSet<>();
        for (String name : names) {
            set.add(Ascii.lowerCase(name));
        }
        return set;
    }
}
