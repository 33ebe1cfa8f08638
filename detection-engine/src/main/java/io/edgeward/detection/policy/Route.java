package io.edgeward.detection.policy;

import java.util.Locale;

/**
 * A method and a normalised path prefix, written {@code "<METHOD or *> <prefix>"} as in a {@code route} decision
 * (C4): {@code "POST /login"}, {@code "* /api/"}. Matches a request whose method is the route's (any for
 * {@code *}) and whose normalised, lower-cased path starts with the prefix.
 */
public record Route(String method, String prefix) {

    public static Route parse(String text, String key) {
        if (text == null) {
            throw new PolicyException(key + " is required (\"<METHOD or *> <path prefix>\")");
        }
        int space = text.indexOf(' ');
        if (space <= 0 || space != text.lastIndexOf(' ') || space == text.length() - 1
                || text.charAt(space + 1) != '/') {
            throw new PolicyException(key + " must be \"<METHOD or *> <path prefix starting with />\", was " + text);
        }
        String method = text.substring(0, space).toUpperCase(Locale.ROOT);
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!(c == '*' && method.length() == 1) && (c < 'A' || c > 'Z')) {
                throw new PolicyException(key + " method must be letters or *, was " + text);
            }
        }
        return new Route(method, text.substring(space + 1).toLowerCase(Locale.ROOT));
    }

    public boolean matches(String requestMethod, String path) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && path.startsWith(prefix);
    }

    /** Every request (a pace budget): {@code * /}. */
    public boolean isEverything() {
        return "*".equals(method) && "/".equals(prefix);
    }

    /** As in a route decision's value. */
    public String wire() {
        return method + " " + prefix;
    }

    /** As in a reason: the prefix alone for any method ({@code /api/}), else the whole route. */
    public String display() {
        return "*".equals(method) ? prefix : wire();
    }
}
