package io.edgeward.protector.decision;

import java.util.Locale;

/**
 * A route: {@code "<METHOD or *> <normalised path prefix>"}, e.g. {@code "POST /login"} or {@code "* /api/"}
 * (WAVE contract C4). It matches a request whose method is {@code method} (or any, for {@code *}) and whose
 * normalised path starts with {@code prefix}. Canonical text: method upper-case, one space, the prefix.
 */
public record RouteSpec(String method, String prefix) {

    static final int MAX_LENGTH = 512;

    public static RouteSpec parse(String text, String field) {
        String raw = text == null ? "" : text.strip();
        int space = raw.indexOf(' ');
        if (raw.isEmpty() || raw.length() > MAX_LENGTH || space < 1) {
            throw new InvalidDecisionException(field + " must be \"<METHOD or *> <path prefix>\" like \"POST /login\" (at most "
                    + MAX_LENGTH + " characters), was '" + text + "'");
        }
        String method = raw.substring(0, space).toUpperCase(Locale.ROOT);
        String prefix = raw.substring(space + 1).strip();
        if (!method.equals("*")) {
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (c < 'A' || c > 'Z') {
                    throw new InvalidDecisionException(field + " method must be letters or *, was '" + text + "'");
                }
            }
        }
        if (!prefix.startsWith("/")) {
            throw new InvalidDecisionException(field + " path prefix must start with /, was '" + text + "'");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            // '|' would make the topic key ambiguous; '?' and '#' are never part of a normalised path
            if (c <= ' ' || c == 0x7f || c == '|' || c == '?' || c == '#') {
                throw new InvalidDecisionException(field + " path prefix must not contain spaces, control characters, "
                        + "'|', '?' or '#', was '" + text + "'");
            }
        }
        return new RouteSpec(method, prefix);
    }

    public boolean matches(String requestMethod, String normalisedPath) {
        return normalisedPath != null && normalisedPath.startsWith(prefix)
                && (method.equals("*") || (requestMethod != null && method.equalsIgnoreCase(requestMethod)));
    }

    @Override
    public String toString() {
        return method + " " + prefix;
    }
}
