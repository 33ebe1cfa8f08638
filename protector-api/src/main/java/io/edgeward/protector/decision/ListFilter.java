package io.edgeward.protector.decision;

import java.util.Locale;

/**
 * Which active entries of a list an admin listing wants: optionally one scope, one canonical value, and a text that
 * the value, the reason or the id must contain (case-insensitive).
 *
 * @param contains the text, or null for any
 */
public record ListFilter(Scope scope, String value, String contains) {

    public ListFilter {
        contains = contains == null || contains.isEmpty() ? null : contains.toLowerCase(Locale.ROOT);
    }

    public static ListFilter all() {
        return new ListFilter(null, null, null);
    }

    boolean matches(StoredDecision e) {
        if (scope != null && e.scope() != scope) {
            return false;
        }
        if (value == null && contains == null) {
            return true;
        }
        String v = e.value();
        if (value != null && !v.equals(value)) {
            return false;
        }
        return contains == null || containsIgnoringCase(v) || containsIgnoringCase(e.reason())
                || containsIgnoringCase(e.id());
    }

    /** Without lower-casing the entry's text: a listing over 100,000 entries allocates nothing per entry here. */
    private boolean containsIgnoringCase(String text) {
        if (text == null) {
            return false;
        }
        int last = text.length() - contains.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, contains, 0, contains.length())) {
                return true;
            }
        }
        return false;
    }
}
