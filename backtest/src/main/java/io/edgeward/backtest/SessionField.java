package io.edgeward.backtest;

/**
 * Where an access log line carries a session id: {@code ident} (the second field), {@code user} (the third), or
 * {@code quoted:N}, the N-th double-quoted field of the line (1 is the request, 2 the referer, 3 the user agent, 4
 * and on are fields a custom format appends, such as nginx's {@code "$cookie_sid"}). {@code -} is no session.
 */
public record SessionField(String kind, int index) {

    public static SessionField parse(String spec) {
        if (spec.equals("ident") || spec.equals("user")) {
            return new SessionField(spec, 0);
        }
        if (spec.startsWith("quoted:")) {
            try {
                int n = Integer.parseInt(spec.substring("quoted:".length()));
                if (n >= 1) {
                    return new SessionField("quoted", n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--session-field must be ident, user or quoted:N (N >= 1), was " + spec);
    }

    /** The session id on {@code line}, or null when the line has none. */
    String extract(String line) {
        String value = kind.equals("quoted") ? quoted(line, index) : token(line, kind.equals("ident") ? 1 : 2);
        return value == null || value.isEmpty() || value.equals("-") ? null : value;
    }

    /**
     * The line without the quoted fields after the third (the user agent), which the combined format does not
     * have: a custom format's extra fields would otherwise make the line unreadable.
     */
    static String combinedPart(String line) {
        int end = quotedEnd(line, 3);
        return end < 0 ? line : line.substring(0, end + 1);
    }

    private static String token(String line, int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            start = line.indexOf(' ', start);
            if (start < 0) {
                return null;
            }
            start++;
        }
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    private static String quoted(String line, int n) {
        int end = quotedEnd(line, n);
        if (end < 0) {
            return null;
        }
        int start = end - 1;
        while (start >= 0 && !(line.charAt(start) == '"' && !escaped(line, start))) {
            start--;
        }
        return start < 0 ? null : line.substring(start + 1, end);
    }

    /** The index of the closing quote of the n-th quoted field, or -1. */
    private static int quotedEnd(String line, int n) {
        int seen = 0;
        boolean inside = false;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"' && !escaped(line, i)) {
                inside = !inside;
                if (!inside && ++seen == n) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean escaped(String line, int i) {
        return i > 0 && line.charAt(i - 1) == '\\';
    }
}
