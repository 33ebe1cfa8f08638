package io.edgeward.inspector;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.shipper.LogShipperHandler;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import io.edgeward.emulator.EdgeFunction;

/**
 * The edge functions' JVM targets, unchanged: the viewer-request handler (with its own shipper for the responses it
 * generates) and the log shipper, each run through the emulator's {@link EdgeFunction} (faults counted, failing
 * open).
 */
class EdgeFunctions implements AutoCloseable {

    private final ViewerRequestHandler viewerRequestHandler;
    private final LogShipperHandler shipperHandler;
    private final EdgeFunction viewerRequest;
    private final EdgeFunction shipper;

    EdgeFunctions(EdgeConfig config) {
        // The handler ships the responses it generates and flushes aged batches at the start of each invocation.
        this.viewerRequestHandler = new ViewerRequestHandler(HandlerDependencies.of(config,
                JvmPorts.create("io.edgeward.edge.viewer")));
        this.shipperHandler = new LogShipperHandler(LogShipperHandler.Dependencies.of(config));
        this.viewerRequest = new EdgeFunction("viewer-request", viewerRequestHandler);
        this.shipper = new EdgeFunction("shipper", shipperHandler);
    }

    EdgeFunction viewerRequest() {
        return viewerRequest;
    }

    /** Associated with both viewer-response and origin-response. */
    EdgeFunction shipper() {
        return shipper;
    }

    /** Sends aged batches: a long-lived process has no next invocation to carry them. */
    void flushDue() {
        viewerRequestHandler.flushDue();
        shipperHandler.flushDue();
    }

    long faults() {
        return viewerRequest.faults() + shipper.faults();
    }

    @Override
    public void close() {
        viewerRequestHandler.flushAll();
        shipperHandler.flushAll();
    }
}
