package io.edgeward.detection.topology;

/**
 * A request fact that only makes sense across addresses (internal topic, keyed {@code scope|value}): a login
 * attempt seen under a JA4, user agent or network, a session seen at an address, a sessionless request or a
 * returning session under a campaign key, or a sessionless request on a watched route. {@code flags} are
 * {@link io.edgeward.detection.rules.Signals} bits; {@code route} is the request's route
 * ({@code "GET /products/"}), or null where it does not matter.
 */
public record Signal(String ip, long time, int flags, String route) {
}
