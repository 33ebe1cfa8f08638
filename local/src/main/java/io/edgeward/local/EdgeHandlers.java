package io.edgeward.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Builds the JVM targets of the edge functions from an edge configuration (JSON, docs/contracts.md), as a
 * deployment bakes {@code edgeward-edge.json} into each bundle.
 */
public interface EdgeHandlers {

    RequestStreamHandler viewerRequest(String edgeConfigJson);

    /** The origin-request function, run on cache misses; null when there is none. */
    default RequestStreamHandler originRequest(String edgeConfigJson) {
        return null;
    }

    /** The log shipper, associated with both origin-response and viewer-response. */
    RequestStreamHandler logShipper(String edgeConfigJson);

    /**
     * Sends full or aged log batches. Lambda freezes between invocations, so aged batches leave only with a later
     * request; the local stack's process never freezes, so it calls this on a timer and the last requests of a
     * quiet spell reach Kafka too.
     */
    default void flushDue() {
    }

    /** Sends every queued log record (at shutdown). */
    default void flushAll() {
    }
}
