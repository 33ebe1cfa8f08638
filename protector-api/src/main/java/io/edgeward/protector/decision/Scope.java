package io.edgeward.protector.decision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a decision matches on. Declaration order is the lookup order: the most specific scope that matches
 * wins (ip, cidr, session, campaign, ja4, user agent, asn, country, route), allowlist entries before decisions.
 */
public enum Scope {
    IP("ip", false),
    CIDR("cidr", true),
    SESSION("session", false),
    CAMPAIGN("campaign", true),
    JA4("ja4", true),
    USER_AGENT("user_agent", true),
    ASN("asn", true),
    COUNTRY("country", true),
    ROUTE("route", true);

    /** For error messages: every wire name, in lookup order. */
    public static final String WIRE_NAMES = String.join(", ", Arrays.stream(values()).map(Scope::wireName).toList());

    private final String wireName;
    private final boolean shared;

    Scope(String wireName, boolean shared) {
        this.wireName = wireName;
        this.shared = shared;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Whether many unrelated people can share the value (a network, a fingerprint, a user agent, a campaign key,
     * a route): such a decision from detection never touches a session in good standing (docs/protector.md).
     */
    public boolean shared() {
        return shared;
    }

    public static Optional<Scope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
