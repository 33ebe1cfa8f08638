package io.edgeward.passive.ingest;

/**
 * Ingest could not take a batch after every retry (429/5xx, connection failures, time-outs). The Lambda fails the
 * invocation so that AWS retries it; nothing of the batch is known to be stored.
 */
public final class IngestUnavailable extends RuntimeException {

    public IngestUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
