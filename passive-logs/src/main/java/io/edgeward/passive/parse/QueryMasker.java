package io.edgeward.passive.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces the values of configured query parameters by {@code ***}, written {@code %2A%2A%2A} as in a query,
 * the same as the edge does. Names match case-insensitively after percent-decoding; order and encoding of the
 * other parameters are kept.
 */
public final class QueryMasker {

    static final String ENCODED_MASK = "%2A%2A%2A";

    private final Set<String> names = new HashSet<>();

    public QueryMasker(List<String> maskedParams) {
        for (String name : maskedParams) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
    }

    public String maskQuery(String query) {
        if (query == null || names.isEmpty() || query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length() + 8);
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            if (equals >= 0 && equals < end && isMasked(query.substring(start, equals))) {
                out.append(query, start, equals + 1).append(ENCODED_MASK);
            } else {
                out.append(query, start, end);
            }
            if (end < query.length()) {
                out.append('&');
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** A URL (a referer) with its query masked like a request query. */
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
        return url.substring(0, question + 1) + maskQuery(query) + (hash < 0 ? "" : url.substring(hash));
    }

    private boolean isMasked(String rawName) {
        return names.contains(Percent.decode(rawName.replace('+', ' ')).toLowerCase(Locale.ROOT));
    }
}
