package io.edgeward.edge.core.config;

/** The edge configuration is invalid; the message names the key and, unless it is a secret, the bad value. */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
