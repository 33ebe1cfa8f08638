package io.edgeward.edge.core.mark;

/**
 * The {@code x-edgeward-mark} request header: what the viewer-request function decided, passed on to the log
 * shipper because a forwarded request cannot carry response headers (docs/contracts.md, "Request marks").
 *
 * <p>Wire form: {@code 1|<action>|<cookieState>|<mode>|<sessionId or ->|<decisionId or ->|<reason or ->}. The three
 * free-text fields are percent-encoded (UTF-8), so a {@code |} inside them cannot break the format; for session and
 * decision ids made of base64url characters the encoding is the identity, as the contract describes. A value that is
 * literally {@code -} is written {@code %2D} so that it is not read back as absent.
 *
 * @param action      allow, challenge, block or monitor (required)
 * @param cookieState the contract's cookieState vocabulary (required)
 * @param mode        mitigate, inject or monitor (required)
 * @param sessionId   may be null
 * @param decisionId  may be null
 * @param reason      may be null
 */
public record RequestMark(String action, String cookieState, String mode, String sessionId, String decisionId,
                          String reason) {

    /** The header carrying the mark from viewer-request to the shipper. */
    public static final String HEADER = "x-edgeward-mark";
    /** The header carrying the Set-Cookie value the shipper adds at viewer-response. */
    public static final String SET_COOKIE_HEADER = "x-edgeward-set-cookie";
    public static final String VERSION = "1";

    private static final String ABSENT = "-";
    private static final int FIELDS = 7;

    public RequestMark {
        requireToken("action", action);
        requireToken("cookieState", cookieState);
        requireToken("mode", mode);
    }

    /** Formats a mark; nullable fields may be null. Throws {@link IllegalArgumentException} on a bad token. */
    public static String format(String action, String cookieState, String mode, String sessionId, String decisionId,
                                String reason) {
        return new RequestMark(action, cookieState, mode, sessionId, decisionId, reason).format();
    }

    public String format() {
        return VERSION + '|' + action + '|' + cookieState + '|' + mode + '|' + optional(sessionId) + '|'
                + optional(decisionId) + '|' + optional(reason);
    }

    /**
     * Parses a header value. Throws {@link IllegalArgumentException} saying what is wrong (unknown version, wrong
     * field count, empty token); the shipper records such a request without its decision instead of failing.
     */
    public static RequestMark parse(String header) {
        if (header == null) {
            throw new IllegalArgumentException("mark is missing");
        }
        String[] fields = new String[FIELDS];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == '|') {
                if (count == FIELDS) {
                    throw new IllegalArgumentException("mark has more than " + FIELDS + " fields");
                }
                fields[count++] = header.substring(start, i);
                start = i + 1;
            }
        }
        if (count != FIELDS) {
            throw new IllegalArgumentException("mark has " + count + " fields, expected " + FIELDS);
        }
        if (!VERSION.equals(fields[0])) {
            throw new IllegalArgumentException("mark version must be " + VERSION + ", was " + shorten(fields[0]));
        }
        return new RequestMark(fields[1], fields[2], fields[3], readOptional(fields[4]), readOptional(fields[5]),
                readOptional(fields[6]));
    }

    /** Like {@link #parse} but answers null for an absent or malformed header. */
    public static RequestMark parseOrNull(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        try {
            return parse(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String optional(String value) {
        if (value == null) {
            return ABSENT;
        }
        return ABSENT.equals(value) ? "%2D" : PercentEncoding.encode(value);
    }

    private static String readOptional(String field) {
        return ABSENT.equals(field) || field.isEmpty() ? null : PercentEncoding.decode(field, false);
    }

    private static void requireToken(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("mark " + name + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("mark " + name + " must be a plain token, was " + shorten(value));
            }
        }
    }

    private static String shorten(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }
}
