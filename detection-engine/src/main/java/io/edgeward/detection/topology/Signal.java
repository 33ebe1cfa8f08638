package io.edgeward.detection.topology;

/**
 * A request fact that only makes sense across addresses (internal topic, keyed {@code scope|value}): a login
 * attempt seen under a JA4, user agent or network, or a session seen at an address.
 */
public record Signal(String ip, long time, boolean loginAttempt, boolean loginFailed) {
}
