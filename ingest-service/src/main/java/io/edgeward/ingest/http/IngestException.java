package io.edgeward.ingest.http;

import java.time.Duration;
import java.util.Map;

/**
 * A failure that becomes one HTTP problem response ({@code {"error": …, "detail": …}}); each subclass is one kind
 * of failure and hands its status and stable error code to the constructor. {@link ErrorMapping} is the one place
 * that writes them.
 */
public abstract class IngestException extends RuntimeException {

    private final int status;
    private final String error;

    protected IngestException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    protected IngestException(int status, String error, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status. */
    public final int status() {
        return status;
    }

    /** The stable, machine-readable error code; also the metrics tag of the rejection. */
    public final String error() {
        return error;
    }

    /** When set, the client may retry after this long ({@code Retry-After}). */
    public Duration retryAfter() {
        return null;
    }

    /** Fields added to the problem body besides error and detail. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
