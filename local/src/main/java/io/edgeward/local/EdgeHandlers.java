package io.edgeward.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Builds the JVM targets of the two edge functions from an edge configuration (JSON, docs/contracts.md), as a
 * deployment bakes {@code edgeward-edge.json} into each bundle.
 */
public interface EdgeHandlers {

    RequestStreamHandler viewerRequest(String edgeConfigJson);

    /** The log shipper, associated with both origin-response and viewer-response. */
    RequestStreamHandler logShipper(String edgeConfigJson);

    /**
     * Sends every queued log record. Lambda freezes between invocations, so partial batches leave only with a later
     * request; the local stack's process never freezes, so it calls this every {@code shipperMaxAge} (and at
     * shutdown) and logs reach Kafka promptly on a quiet machine.
     */
    default void flushAll() {
    }
}
