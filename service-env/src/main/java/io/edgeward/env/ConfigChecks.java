package io.edgeward.env;

import java.time.Duration;

/** Start-up checks for configuration records; each failure is an {@link IllegalArgumentException} with the message. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@code name must be > 0, was PT0S} unless {@code value} is a positive duration. */
    public static void positive(Duration value, String name) {
        require(value != null && !value.isZero() && !value.isNegative(), name + " must be > 0, was " + value);
    }
}
