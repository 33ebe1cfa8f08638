package io.edgeward.protector.decision;

import java.util.Arrays;
import java.util.Optional;

/** What the edge does with a request; wire names are lowercase. */
public enum Action {
    ALLOW("allow"),
    CHALLENGE("challenge"),
    BLOCK("block"),
    MONITOR("monitor");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Action> fromWire(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
