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
 * @param sessionIssuedAt the session's {@code iat} (epoch seconds), or null
 * @param challengePasses the session's {@code cpn}, or null
 * @param headerNames the request's header names as the contract logs them (HeaderNames), or null
 *
 * <p>The last three travel as optional fields 8 to 10 ({@code |<iat or ->|<cpn or ->|<headerNames or ->}), written
 * only when one is present, so a mark without them has the seven fields of before. They carry what the
 * viewer-request function read from the cookie and the viewer's own headers to the log record, since the shipper
 * at origin-response sees the origin request, not the viewer's.
 */
public record RequestMark(String action, String cookieState, String mode, String sessionId, String decisionId,
                          String reason, Long sessionIssuedAt, Integer challengePasses, String headerNames) {

    /** The header carrying the mark from viewer-request to the shipper. */
    public static final String HEADER = "x-edgeward-mark";
    /** The header carrying the Set-Cookie value the shipper adds at viewer-response. */
    public static final String SET_COOKIE_HEADER = "x-edgeward-set-cookie";
    public static final String VERSION = "1";

    private static final String ABSENT = "-";
    private static final int FIELDS = 7;
    private static final int ALL_FIELDS = 10;

    public RequestMark {
        requireToken("action", action);
        requireToken("cookieState", cookieState);
        requireToken("mode", mode);
    }

    public RequestMark(String action, String cookieState, String mode, String sessionId, String decisionId,
                       String reason) {
        this(action, cookieState, mode, sessionId, decisionId, reason, null, null, null);
    }

    /** This mark with the session's facts and the request's header names. */
    public RequestMark withSession(Long issuedAt, Integer passes, String names) {
        return new RequestMark(action, cookieState, mode, sessionId, decisionId, reason, issuedAt, passes, names);
    }

    /** Formats a mark; nullable fields may be null. Throws {@link IllegalArgumentException} on a bad token. */
    public static String format(String action, String cookieState, String mode, String sessionId, String decisionId,
                                String reason) {
        return new RequestMark(action, cookieState, mode, sessionId, decisionId, reason).format();
    }

    public String format() {
        String seven = VERSION + '|' + action + '|' + cookieState + '|' + mode + '|' + optional(sessionId) + '|'
                + optional(decisionId) + '|' + optional(reason);
        if (sessionIssuedAt == null && challengePasses == null && headerNames == null) {
            return seven;
        }
        return seven + '|' + (sessionIssuedAt == null ? ABSENT : String.valueOf(sessionIssuedAt.longValue())) + '|'
                + (challengePasses == null ? ABSENT : String.valueOf(challengePasses.intValue())) + '|'
                + optional(headerNames);
    }

    /**
     * Parses a header value. Throws {@link IllegalArgumentException} saying what is wrong (unknown version, wrong
     * field count, empty token); the shipper records such a request without its decision instead of failing.
     */
    public static RequestMark parse(String header) {
        if (header == null) {
            throw new IllegalArgumentException("mark is missing");
        }
        String[] fields = new String[ALL_FIELDS];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == '|') {
                if (count == ALL_FIELDS) {
                    throw new IllegalArgumentException("mark has more than " + ALL_FIELDS + " fields");
                }
                fields[count++] = header.substring(start, i);
                start = i + 1;
            }
        }
        if (count != FIELDS && count != ALL_FIELDS) {
            throw new IllegalArgumentException("mark has " + count + " fields, expected " + FIELDS + " or "
                    + ALL_FIELDS);
        }
        if (!VERSION.equals(fields[0])) {
            throw new IllegalArgumentException("mark version must be " + VERSION + ", was " + shorten(fields[0]));
        }
        if (count == FIELDS) {
            return new RequestMark(fields[1], fields[2], fields[3], readOptional(fields[4]), readOptional(fields[5]),
                    readOptional(fields[6]));
        }
        long issued = wholeNumber(fields[7]);
        long passes = wholeNumber(fields[8]);
        return new RequestMark(fields[1], fields[2], fields[3], readOptional(fields[4]), readOptional(fields[5]),
                readOptional(fields[6]), issued < 0 ? null : Long.valueOf(issued),
                passes < 0 || passes > Integer.MAX_VALUE ? null : Integer.valueOf((int) passes),
                readOptional(fields[9]));
    }

    /** A decimal whole number of at most 18 digits, or -1 (absent or unreadable: the record just lacks it). */
    private static long wholeNumber(String field) {
        if (field.isEmpty() || field.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
