package io.edgeward.edge.core.logrecord;

import io.edgeward.edge.core.mark.PercentEncoding;

/**
 * Masks {@code name=value} pairs: query strings and application/x-www-form-urlencoded bodies. Pairs are separated by
 * {@code &} or {@code ;} (some servers accept either, so either may carry a secret). A value is masked when its
 * name is sensitive ({@link FieldNames}, after percent-decoding, repeatedly for double-encoded names such as
 * {@code user%255Bpassword%255D}) or when it holds a card number ({@link CardNumbers}). A pair without {@code =} is
 * masked whole when it reads as a sensitive name or holds a card number. Everything else, order and encoding
 * included, is kept; an unchanged input is returned as the same instance.
 */
final class PairMasker {

    /** {@code ***} percent-encoded, as a value in a query or form. */
    static final String ENCODED_MASK = "%2A%2A%2A";
    private static final int DECODE_ROUNDS = 3;

    private PairMasker() {
    }

    /**
     * @param truncated the text was cut short (CloudFront's include-body limit): the last pair's value is masked
     *                  whatever its name, since a cut name or card number would no longer match
     */
    static String mask(String pairs, FieldNames names, boolean truncated) {
        if (pairs == null || pairs.isEmpty()) {
            return pairs;
        }
        StringBuilder out = null;
        int start = 0;
        while (start <= pairs.length()) {
            int end = nextSeparator(pairs, start);
            boolean last = end == pairs.length();
            int equals = pairs.indexOf('=', start);
            String replacement = null;
            if (equals >= 0 && equals < end) {
                if ((last && truncated) || names.isSensitive(decodeName(pairs.substring(start, equals)))
                        || CardNumbers.contains(PercentEncoding.decode(pairs.substring(equals + 1, end), true))) {
                    replacement = pairs.substring(start, equals + 1) + ENCODED_MASK;
                }
            } else if (end > start) {
                String bare = decodeName(pairs.substring(start, end));
                if ((last && truncated) || names.isSensitive(bare) || CardNumbers.contains(bare)) {
                    replacement = ENCODED_MASK;
                }
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(pairs.length() + 16).append(pairs, 0, start);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(pairs, start, end);
                }
                if (!last) {
                    out.append(pairs.charAt(end));
                }
            }
            start = end + 1;
        }
        return out == null ? pairs : out.toString();
    }

    private static int nextSeparator(String pairs, int from) {
        for (int i = from; i < pairs.length(); i++) {
            char c = pairs.charAt(i);
            if (c == '&' || c == ';') {
                return i;
            }
        }
        return pairs.length();
    }

    /** Decoded until stable (at most three rounds): a server may decode twice, and masking more is the safe error. */
    private static String decodeName(String raw) {
        String name = PercentEncoding.decode(raw, true);
        for (int round = 1; round < DECODE_ROUNDS && name.indexOf('%') >= 0; round++) {
            String again = PercentEncoding.decode(name, false);
            if (again.equals(name)) {
                break;
            }
            name = again;
        }
        return name;
    }
}
