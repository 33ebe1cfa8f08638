package io.edgeward.edge.core.challenge;

/**
 * Where a visitor goes after a challenge: a path on this site only. Anything that a browser could read as another
 * origin ({@code //evil}, {@code /\evil}, {@code https://…}, control characters) becomes {@code /}, so the verify
 * endpoint can never be an open redirect, even if Protector's answer were wrong.
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/') {
            return "/";
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
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
}
