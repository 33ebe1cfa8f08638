package io.edgeward.protector.decision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a decision matches on. Declaration order is the lookup order: the most specific scope that matches
 * wins (ip, cidr, session, ja4, user agent, asn, country), allowlist entries before decisions.
 */
public enum Scope {
    IP("ip"),
    CIDR("cidr"),
    SESSION("session"),
    JA4("ja4"),
    USER_AGENT("user_agent"),
    ASN("asn"),
    COUNTRY("country");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
