package io.edgeward.edge.worker;

/**
 * The policy asked for a WebCrypto result worker.js did not compute before it ran (WorkerCrypto, WorkerTokenCodec).
 * The policy turns it into a pass-through; it means a new use of a crypto port that worker.js must learn to prepare.
 */
final class NotPreparedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    NotPreparedException(String message) {
        super(message);
    }
}
