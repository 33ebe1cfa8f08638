package io.edgeward.protector.decision;

import java.util.Arrays;
import java.util.Optional;

/** The two lists held in the decisions topic; allowlist entries win over decisions. */
public enum ListKind {
    DECISION("decision"),
    ALLOWLIST("allowlist");

    private final String wireName;

    ListKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ListKind> fromWire(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(name)).findFirst();
    }
}
