package io.edgeward.edge.core.decision;

/** Protector's answer for a visitor (docs/contracts.md {@code POST /v1/check}). */
public enum Action {
    ALLOW("allow"), CHALLENGE("challenge"), BLOCK("block"), MONITOR("monitor");

    private final String wire;

    Action(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The action with this wire name, or null. */
    public static Action fromWire(String text) {
        for (Action action : values()) {
            if (action.wire.equals(text)) {
                return action;
            }
        }
        return null;
    }
}
