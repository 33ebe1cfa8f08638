package io.edgeward.edge.core.session;

import java.util.List;

/** Finds one cookie in the request's Cookie headers (RFC 6265 {@code name=value; name2=value2}), no regex. */
public final class CookieHeader {

    private CookieHeader() {
    }

    /** The value of the first cookie called {@code name}, or null. */
    public static String find(List<String> cookieHeaders, String name) {
        for (String header : cookieHeaders) {
            String value = find(header, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String find(String header, String name) {
        int i = 0;
        int length = header.length();
        while (i < length) {
            int end = header.indexOf(';', i);
            if (end < 0) {
                end = length;
            }
            int start = i;
            while (start < end && header.charAt(start) == ' ') {
                start++;
            }
            int eq = header.indexOf('=', start);
            if (eq > start && eq < end && header.regionMatches(start, name, 0, name.length())
                    && trimmedEnd(header, start, eq) == start + name.length()) {
                String value = header.substring(eq + 1, end).trim();
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
            i = end + 1;
        }
        return null;
    }

    private static int trimmedEnd(String header, int start, int end) {
        while (end > start && header.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }
}
