package io.edgeward.edge.core.path;

import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw request path (no query) into the form an origin such as Tomcat, Jetty or Spring would resolve it
 * to, so that route matching, exclusions and detection judge the page the origin serves, not the spelling the
 * client chose. Rules (docs/contracts.md "Normalised path"):
 * <ul>
 *   <li>escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) are decoded; {@code %3B} becomes
 *       {@code ;}, {@code %2F} and {@code %5C} and a backslash become {@code /}; other escapes are kept,
 *       upper-cased; a malformed escape is kept as it is;</li>
 *   <li>{@code ;} parameters are dropped from every segment;</li>
 *   <li>empty segments collapse, {@code .} segments go, {@code ..} removes the previous segment (never above the
 *       root); a trailing slash is kept.</li>
 * </ul>
 * TeaVM-clean: no regex, no {@code String.split}. Never throws: null or empty input is {@code /}.
 */
public final class PathNormaliser {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathNormaliser() {
    }

    public static NormalisedPath normalise(String rawPath) {
        return normalise(rawPath, false);
    }

    /** As {@link #normalise(String)}, lower-cased (ASCII) when the policy compares paths without case. */
    public static NormalisedPath normalise(String rawPath, boolean lowerCase) {
        if (rawPath == null || rawPath.isEmpty()) {
            return new NormalisedPath("/", false);
        }
        boolean[] tricky = new boolean[1];
        String decoded = decodeSelected(rawPath, tricky);
        String path = resolveSegments(decoded, tricky);
        if (lowerCase) {
            path = Ascii.lowerCase(path);
        }
        return new NormalisedPath(path, tricky[0]);
    }

    /** Decodes what an origin decodes before it splits segments; marks encoded separators as tricky. */
    private static String decodeSelected(String raw, boolean[] tricky) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\') {
                tricky[0] = true;
                out.append('/');
                i++;
                continue;
            }
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int value = i + 2 < raw.length() ? hexPair(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (value < 0) {
                out.append(c);
                i++;
                continue;
            }
            if (isUnreserved(value)) {
                out.append((char) value);
            } else if (value == ';') {
                tricky[0] = true;
                out.append(';');
            } else if (value == '/' || value == '\\') {
                tricky[0] = true;
                out.append('/');
            } else {
                out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
            }
            i += 3;
        }
        return out.toString();
    }

    private static String resolveSegments(String decoded, boolean[] tricky) {
        List<String> segments = new ArrayList<>();
        int start = decoded.charAt(0) == '/' ? 1 : 0;
        boolean trailingSlash = false;
        while (start <= decoded.length()) {
            int end = decoded.indexOf('/', start);
            if (end < 0) {
                end = decoded.length();
            }
            String segment = decoded.substring(start, end);
            int semicolon = segment.indexOf(';');
            if (semicolon >= 0) {
                tricky[0] = true;
                segment = segment.substring(0, semicolon);
            }
            boolean last = end == decoded.length();
            if (segment.isEmpty()) {
                if (last) {
                    trailingSlash = !segments.isEmpty();
                } else {
                    tricky[0] = true;
                }
            } else if (segment.equals(".")) {
                tricky[0] = true;
                trailingSlash = last && !segments.isEmpty();
            } else if (segment.equals("..")) {
                tricky[0] = true;
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                trailingSlash = last && !segments.isEmpty();
            } else {
                segments.add(segment);
                trailingSlash = false;
                if (last && isDotNameOnly(segment)) {
                    tricky[0] = true;
                }
            }
            start = end + 1;
        }
        StringBuilder out = new StringBuilder(decoded.length() + 1);
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        if (out.length() == 0 || trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    /** {@code .png}, {@code .css}: a name that is only an extension, the shape used to dress a page as an asset. */
    private static boolean isDotNameOnly(String segment) {
        return segment.length() > 1 && segment.charAt(0) == '.' && segment.indexOf('.', 1) < 0;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hexPair(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : (h << 4) | l;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
