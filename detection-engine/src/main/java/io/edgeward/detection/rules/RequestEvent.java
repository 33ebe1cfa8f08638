package io.edgeward.detection.rules;

/**
 * One classified request: event time, {@link Signals} flags, a hash of the path, and for paths ending in a number
 * ({@code /products/42}) a hash of the prefix and the number, for enumeration.
 */
public record RequestEvent(long time, int flags, int pathHash, int idPrefix, int id) {

    public static RequestEvent marker(long time, int flags) {
        return new RequestEvent(time, flags, 0, 0, 0);
    }
}
