package io.edgeward.protector.admin;

import io.edgeward.protector.http.ProblemException;

/**
 * The paging of an admin list: {@code limit} 0 to {@link #MAX_LIMIT} entries (0: only the total) from {@code offset}
 * (>= 0). A bad parameter is a 400 naming it; an empty one counts as absent.
 */
public record ListPage(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;
    /** The longest {@code contains} text: a filter, not a place to send a body. */
    public static final int MAX_CONTAINS = 200;

    /** The page the query asks for, or null when it gives neither {@code limit} nor {@code offset} (all entries). */
    public static ListPage of(String limit, String offset) {
        limit = blankAsAbsent(limit);
        offset = blankAsAbsent(offset);
        if (limit == null && offset == null) {
            return null;
        }
        int l = limit == null ? Integer.MAX_VALUE : number("limit", limit, MAX_LIMIT);
        int o = offset == null ? 0 : number("offset", offset, Integer.MAX_VALUE);
        return new ListPage(o, l);
    }

    /** The {@code contains} filter, checked; null or empty means any. */
    public static String contains(String text) {
        if (text != null && text.length() > MAX_CONTAINS) {
            throw ProblemException.badRequest("contains must be at most " + MAX_CONTAINS + " characters, was "
                    + text.length());
        }
        return text;
    }

    private static int number(String name, String text, int max) {
        String bound = max == Integer.MAX_VALUE ? "an integer >= 0" : "an integer from 0 to " + max;
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be " + bound + ", was '" + shown(text) + "'");
        }
        if (value < 0 || value > max) {
            throw ProblemException.badRequest(name + " must be " + bound + ", was " + value);
        }
        return value;
    }

    /** {@code ?limit=} (an empty form field) is no limit, as if the parameter were not there. */
    private static String blankAsAbsent(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Echoes at most 20 characters of a bad value. */
    private static String shown(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
