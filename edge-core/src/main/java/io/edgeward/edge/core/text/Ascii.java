package io.edgeward.edge.core.text;

/**
 * ASCII-only case mapping for protocol names (header names, parameter names, extensions): unlike
 * {@code String.toLowerCase()} it does not depend on the default locale, and it allocates only when a letter changes,
 * which on the per-request path is the rare case.
 */
public final class Ascii {

    private Ascii() {
    }

    /** {@code text} with A-Z mapped to a-z and every other character kept; the same instance when nothing changes. */
    public static String lowerCase(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append((char) (c + 32));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
