package io.edgeward.protector.decision;

/**
 * The values of one request that decisions can match, canonicalized once per check. Any field may be null.
 *
 * @param ipBytes address bytes of {@code ip}, or null when the client IP was missing or not a literal
 */
public record Subject(byte[] ipBytes, String ip, String session, String ja4, String userAgent, String asn, String country) {

    public static Subject of(String clientIp, String session, String ja4, String userAgent, String asn, String country) {
        byte[] bytes = IpAddresses.parse(clientIp).orElse(null);
        return new Subject(
                bytes,
                bytes == null ? null : IpAddresses.format(bytes),
                emptyToNull(session),
                emptyToNull(ja4),
                emptyToNull(userAgent),
                emptyToNull(asn),
                country == null || country.length() != 2 ? null : country.toUpperCase(java.util.Locale.ROOT));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The value this subject has for an exact-match scope (everything but cidr). */
    String valueFor(Scope scope) {
        return switch (scope) {
            case IP -> ip;
            case SESSION -> session;
            case JA4 -> ja4;
            case USER_AGENT -> userAgent;
            case ASN -> asn;
            case COUNTRY -> country;
            case CIDR -> throw new IllegalArgumentException("cidr is not an exact-match scope");
        };
    }
}
