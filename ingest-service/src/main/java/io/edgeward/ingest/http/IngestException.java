package io.edgeward.ingest.http;

import java.time.Duration;
import java.util.Map;

/**
 * A failure that becomes one HTTP problem response ({@code {"error": …, "detail": …}}); each subclass is one kind
 * of failure with its status and stable error code. {@link ErrorMapping} is the one place that writes them.
 */
public abstract class IngestException extends RuntimeException {

    protected IngestException(String detail) {
        super(detail);
    }

    protected IngestException(String detail, Throwable cause) {
        super(detail, cause);
    }

    /** The HTTP status. */
    public abstract int status();

    /** The stable, machine-readable error code; also the metrics tag of the rejection. */
    public abstract String error();

    /** When set, the client may retry after this long ({@code Retry-After}). */
    public Duration retryAfter() {
        return null;
    }

    /** Fields added to the problem body besides error and detail. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
