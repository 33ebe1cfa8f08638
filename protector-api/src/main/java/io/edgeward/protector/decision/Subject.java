package io.edgeward.protector.decision;

import io.edgeward.env.net.IpAddress;

import java.util.Locale;

/**
 * The values of one request that decisions can match, canonicalized once per check. Any field may be null.
 *
 * @param ipBytes  address bytes of {@code ip}, or null when the client IP was missing or not a literal
 * @param campaign the request's campaign key (contract C6), or null
 * @param method   the request method, for route scopes and qualifiers
 * @param path     the normalised path (contract C5), for route scopes and qualifiers
 */
public record Subject(byte[] ipBytes, String ip, String session, String ja4, String userAgent, String asn,
                      String country, String campaign, String method, String path) {

    public static Subject of(String clientIp, String session, String ja4, String userAgent, String asn, String country) {
        return of(clientIp, session, ja4, userAgent, asn, country, null, null, null);
    }

    public static Subject of(String clientIp, String session, String ja4, String userAgent, String asn, String country,
                             String campaign, String method, String path) {
        IpAddress address = IpAddress.parse(clientIp).orElse(null);
        return new Subject(
                address == null ? null : address.bytes(),
                address == null ? null : address.toString(),
                emptyToNull(session),
                emptyToNull(ja4),
                emptyToNull(userAgent),
                asn(asn),
                country == null || country.length() != 2 ? null : country.toUpperCase(Locale.ROOT),
                emptyToNull(campaign),
                emptyToNull(method),
                emptyToNull(path));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String asn(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return ScopeValues.canonical(Scope.ASN, raw);
        } catch (InvalidDecisionException e) {
            return null;
        }
    }

    /** The in-memory key this subject has for an exact-match scope (everything but cidr and route), or null. */
    Object keyFor(Scope scope) {
        return switch (scope) {
            case IP -> ipBytes == null ? null : CompactKeys.address(ipBytes);
            case SESSION -> session == null ? null : CompactKeys.session(session);
            case JA4 -> ja4;
            case USER_AGENT -> userAgent;
            case ASN -> asn == null ? null : Long.valueOf(asn);
            case COUNTRY -> country;
            case CAMPAIGN -> campaign == null || campaign.length() != ScopeValues.CAMPAIGN_LENGTH ? null
                    : parseCampaign(campaign);
            case CIDR, ROUTE -> throw new IllegalArgumentException(scope.wireName() + " is not an exact-match scope");
        };
    }

    private static Long parseCampaign(String hex) {
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
