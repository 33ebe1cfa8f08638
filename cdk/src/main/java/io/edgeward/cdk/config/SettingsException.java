package io.edgeward.cdk.config;

/**
 * A deployment setting is missing or invalid. The message names the setting and, unless it is a secret, the bad
 * value, so the operator can fix the deploy file without reading code. Thrown at synth time, before any resource
 * is created.
 */
public final class SettingsException extends IllegalArgumentException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new SettingsException(message);
        }
    }
}
