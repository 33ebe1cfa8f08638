package io.edgeward.detection.topology;

/**
 * A well-behaved session's attributes (hashes of their values), reported to the blast-radius estimate: its user
 * agent, JA4, network, ASN, country and campaign key. Reported again while it stays well-behaved, so the estimate
 * counts sessions seen within its window.
 */
public record GoodSession(int session, long time, int userAgent, int ja4, int cidr, int asn, int country,
                          int campaign) {

    /** The hash this session holds for a shared scope, or 0 for a scope it has no value for. */
    int attribute(String scope) {
        return switch (scope) {
            case "user_agent" -> userAgent;
            case "ja4" -> ja4;
            case "cidr" -> cidr;
            case "asn" -> asn;
            case "country" -> country;
            case "campaign" -> campaign;
            default -> 0;
        };
    }

    /** The hash kept for an attribute value (0 when absent). */
    static int hash(String value) {
        return value == null || value.isEmpty() ? 0 : value.hashCode() | 1;
    }
}
