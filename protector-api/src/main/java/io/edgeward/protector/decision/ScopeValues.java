package io.edgeward.protector.decision;

import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.InvalidCidrException;
import io.edgeward.env.net.IpAddress;

import java.util.Locale;

/**
 * Validates a decision value for its scope and returns its canonical form, the spelling used in topic keys and
 * in the in-memory index. Errors name the scope and quote the bad value.
 */
public final class ScopeValues {

    static final int MAX_VALUE_LENGTH = 1024;
    static final int CAMPAIGN_LENGTH = 16;

    private ScopeValues() {
    }

    public static String canonical(Scope scope, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidDecisionException("value must not be empty for scope " + scope.wireName());
        }
        if (raw.length() > MAX_VALUE_LENGTH) {
            throw new InvalidDecisionException(
                    "value must be at most " + MAX_VALUE_LENGTH + " characters for scope " + scope.wireName());
        }
        return switch (scope) {
            case IP -> IpAddress.canonical(raw.strip()).orElseThrow(
                    () -> new InvalidDecisionException("value must be an IPv4 or IPv6 address for scope ip, was '" + raw + "'"));
            case CIDR -> cidr(raw.strip());
            case COUNTRY -> country(raw.strip());
            case ASN -> asn(raw.strip());
            case SESSION, JA4 -> token(scope, raw);
            case USER_AGENT -> userAgent(raw);
            case CAMPAIGN -> campaign(raw.strip());
            case ROUTE -> RouteSpec.parse(raw, "value for scope route").toString();
        };
    }

    /** A network (docs/ip-addresses.md): host bits cleared, an IPv4-mapped network written as IPv4. */
    private static String cidr(String raw) {
        try {
            return Cidr.parse(raw).toString();
        } catch (InvalidCidrException e) {
            throw new InvalidDecisionException(e.getMessage());
        }
    }

    /** A campaign key (contract C6): 16 hex characters, canonical lower-case. */
    private static String campaign(String raw) {
        if (raw.length() != CAMPAIGN_LENGTH) {
            throw new InvalidDecisionException("value must be 16 hex characters (a campaign key) for scope campaign, was '" + raw + "'");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (Character.digit(raw.charAt(i), 16) < 0) {
                throw new InvalidDecisionException("value must be 16 hex characters (a campaign key) for scope campaign, was '" + raw + "'");
            }
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    private static String country(String raw) {
        if (raw.length() != 2 || !Character.isLetter(raw.charAt(0)) || !Character.isLetter(raw.charAt(1))) {
            throw new InvalidDecisionException("value must be a two-letter country code for scope country, was '" + raw + "'");
        }
        return raw.toUpperCase(Locale.ROOT);
    }

    private static String asn(String raw) {
        String digits = raw.regionMatches(true, 0, "AS", 0, 2) ? raw.substring(2) : raw;
        try {
            long asn = Long.parseLong(digits);
            if (asn < 0 || asn > 4_294_967_295L) {
                throw new NumberFormatException();
            }
            return Long.toString(asn);
        } catch (NumberFormatException e) {
            throw new InvalidDecisionException("value must be an AS number (e.g. 64500 or AS64500) for scope asn, was '" + raw + "'");
        }
    }

    private static String token(Scope scope, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new InvalidDecisionException(
                        "value must not contain spaces or control characters for scope " + scope.wireName() + ", was '" + raw + "'");
            }
        }
        return raw;
    }

    private static String userAgent(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new InvalidDecisionException("value must not contain control characters for scope user_agent");
            }
        }
        return raw;
    }
}
