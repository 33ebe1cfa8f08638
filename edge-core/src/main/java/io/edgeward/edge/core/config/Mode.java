package io.edgeward.edge.core.config;

/**
 * How the edge applies Protector's answer on a route. {@code mitigate} enforces block and challenge; {@code inject}
 * never blocks and passes the decision to the origin as request headers; {@code monitor} only marks for the log.
 */
public enum Mode {
    MITIGATE("mitigate"), INJECT("inject"), MONITOR("monitor");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** @throws ConfigException naming {@code key} when the text is not a mode */
    static Mode parse(String key, String text) {
        for (Mode mode : values()) {
            if (mode.wire.equals(text)) {
                return mode;
            }
        }
        throw new ConfigException(key + " must be one of mitigate, inject, monitor, was " + text);
    }
}
