package io.edgeward.passive.ingest;

import java.time.Duration;

/** An attempt that may succeed later: 429/502/503/504, or the connection failed or timed out. */
final class RetryableFailure extends Exception {

    private final Duration retryAfter;

    RetryableFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, or null when it gave none. */
    Duration retryAfter() {
        return retryAfter;
    }
}
