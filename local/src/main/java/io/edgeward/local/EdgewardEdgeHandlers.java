package io.edgeward.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.shipper.LogShipperHandler;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.OriginRequestHandler;
import io.edgeward.edge.viewer.ViewerRequestHandler;

/**
 * The real Edgeward edge functions (JVM targets), built from the generated edge configuration. The viewer-request
 * and origin-request functions log the responses they generate (block, challenge) through their own shippers, as
 * deployed.
 */
final class EdgewardEdgeHandlers implements EdgeHandlers {

    private volatile ViewerRequestHandler viewerRequest;
    private volatile OriginRequestHandler originRequest;
    private volatile LogShipperHandler logShipper;

    @Override
    public RequestStreamHandler viewerRequest(String edgeConfigJson) {
        EdgePorts ports = JvmPorts.create("io.edgeward.edge.viewer");
        // Flushes aged batches at the start of each invocation, as the deployed function does.
        viewerRequest = new ViewerRequestHandler(HandlerDependencies.of(
                EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec()), ports));
        return viewerRequest;
    }

    @Override
    public RequestStreamHandler originRequest(String edgeConfigJson) {
        EdgePorts ports = JvmPorts.create("io.edgeward.edge.origin");
        originRequest = new OriginRequestHandler(HandlerDependencies.of(
                EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec()), ports));
        return originRequest;
    }

    @Override
    public RequestStreamHandler logShipper(String edgeConfigJson) {
        logShipper = new LogShipperHandler(LogShipperHandler.Dependencies.of(
                EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec())));
        return logShipper;
    }

    @Override
    public void flushDue() {
        if (viewerRequest != null) {
            viewerRequest.flushDue();
        }
        if (originRequest != null) {
            originRequest.flushDue();
        }
        if (logShipper != null) {
            logShipper.flushDue();
        }
    }

    @Override
    public void flushAll() {
        if (viewerRequest != null) {
            viewerRequest.flushAll();
        }
        if (originRequest != null) {
            originRequest.flushAll();
        }
        if (logShipper != null) {
            logShipper.flushAll();
        }
    }
}
