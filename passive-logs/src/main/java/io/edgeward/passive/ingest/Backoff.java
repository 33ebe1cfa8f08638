package io.edgeward.passive.ingest;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: exponential from {@code base}, capped at {@code max}, with "equal jitter" (half fixed,
 * half random) so that many Lambdas retrying at once spread out; never shorter than the server's
 * {@code Retry-After}, itself capped at {@code max} because a Lambda's time is bounded.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay after the given failed attempt (1-based). */
    Duration delay(int failedAttempts, Duration retryAfter) {
        long capped = max.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 20);
        long backoff = Math.min(capped, exponential);
        long jittered = backoff / 2 + (long) (random.getAsDouble() * (backoff - backoff / 2));
        long floor = retryAfter == null ? 0 : Math.min(capped, retryAfter.toMillis());
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
