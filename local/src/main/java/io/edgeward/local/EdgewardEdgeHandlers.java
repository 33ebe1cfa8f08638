package io.edgeward.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.shipper.LogShipperHandler;
import io.edgeward.edge.viewer.ViewerRequestHandler;

/**
 * The real Edgeward edge functions (JVM targets), built from the generated edge configuration. The viewer-request
 * function logs the responses it generates (block, challenge) through its own shipper, as deployed.
 */
final class EdgewardEdgeHandlers implements EdgeHandlers {

    private volatile ShippingGeneratedResponseLog generatedLog;
    private volatile LogShipper viewerRequestShipper;
    private volatile LogShipperHandler logShipper;

    @Override
    public RequestStreamHandler viewerRequest(String edgeConfigJson) {
        EdgePorts ports = JvmPorts.create("io.edgeward.edge.viewer");
        EdgeConfig config = EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec());
        ShipperConfig shipping = ShipperConfig.from(config);
        viewerRequestShipper = new LogShipper(shipping.ingest(), ports.http(), ports.json(), ports.clock(), ports.log());
        generatedLog = new ShippingGeneratedResponseLog(new LogRecordBuilder(shipping.logging(), ports.json()),
                viewerRequestShipper, ports.clock(), ports.log());
        ViewerRequestHandler handler = new ViewerRequestHandler(config, ports, generatedLog);
        ShippingGeneratedResponseLog log = generatedLog;
        // As the deployed function does at the start of each invocation: aged batches leave with the next request.
        return (in, out, context) -> {
            log.flushDue();
            handler.handleRequest(in, out, context);
        };
    }

    @Override
    public RequestStreamHandler logShipper(String edgeConfigJson) {
        logShipper = new LogShipperHandler(EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec()));
        return logShipper;
    }

    @Override
    public void flushDue() {
        if (generatedLog != null) {
            generatedLog.flushDue();
        }
        if (logShipper != null) {
            logShipper.flushDue();
        }
    }

    @Override
    public void flushAll() {
        if (viewerRequestShipper != null) {
            viewerRequestShipper.flushAll();
        }
        if (logShipper != null) {
            logShipper.flushAll();
        }
    }
}
