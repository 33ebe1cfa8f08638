package io.edgeward.edge.core.challenge;

/**
 * Where a visitor goes after a challenge: a path on this site only. The one open-redirect guard: the edge applies it
 * to what Protector answers and Protector to what it puts in a challenge, so the verify endpoint can never be an
 * open redirect even if either side were wrong.
 *
 * <p>Anything a browser could read as another origin becomes {@code /}: {@code //evil}, {@code /\evil}, a scheme
 * ({@code https:}, {@code javascript:}: no leading '/'), control characters and spaces (CR/LF would split the
 * {@code Location} header), non-ASCII, and {@code /%2F…} or {@code /%5C…} (a server or proxy that decodes the path
 * before redirecting turns them into {@code //} or {@code /\}).
 */
public final class ReturnPath {

    public static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/') {
            return "/";
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\'
                || encodedSlashAt(candidate, 1))) {
            return "/";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return "/";
            }
        }
        return candidate;
    }

    /** {@code %2F} or {@code %5C} (either case) at {@code index}. */
    private static boolean encodedSlashAt(String text, int index) {
        if (text.length() < index + 3 || text.charAt(index) != '%') {
            return false;
        }
        char high = text.charAt(index + 1);
        char low = Character.toUpperCase(text.charAt(index + 2));
        return high == '2' && low == 'F' || high == '5' && low == 'C';
    }
}
