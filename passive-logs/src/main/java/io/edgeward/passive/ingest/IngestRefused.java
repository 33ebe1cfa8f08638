package io.edgeward.passive.ingest;

/**
 * Ingest refused a batch in a way retrying cannot fix and that is not about single records: a wrong key (401/403),
 * a batch too large (413), an unexpected answer. A configuration problem, so it fails the invocation.
 */
public final class IngestRefused extends RuntimeException {

    private final int status;

    public IngestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
