package io.edgeward.ingest;

/** A configuration value is missing or invalid; the message names the setting and the bad value. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
