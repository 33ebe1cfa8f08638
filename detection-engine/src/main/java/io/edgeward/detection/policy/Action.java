package io.edgeward.detection.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a detection asks Protector to do, ordered by strength: a stronger action never yields to a weaker one. */
public enum Action {
    MONITOR, CHALLENGE, BLOCK;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action fromWire(String value) {
        for (Action action : values()) {
            if (action.wire().equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("action must be one of monitor, challenge, block, was " + value);
    }

    public boolean atLeast(Action other) {
        return compareTo(other) >= 0;
    }

    public static Action weaker(Action a, Action b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
