package io.edgeward.protector.decision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lists held in the decisions topic; allowlist entries win over decisions. {@code allow-automation} entries
 * (always {@code allow}) exempt a client from the browser sensor's automation rules only: an operator's own
 * monitoring and test tools (docs/browser-signals.md); every other rule still applies to them.
 */
public enum ListKind {
    DECISION("decision"),
    ALLOWLIST("allowlist"),
    ALLOW_AUTOMATION("allow-automation");

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
