package io.edgeward.edge.node;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;

/** The Node implementations of every edge port, and the bundled configuration they run with. */
final class NodePorts {

    static final String CONFIG_FILE = "edgeward-edge.json";

    final NodeJson json = new NodeJson();
    final NodeClockAndLog clockAndLog = new NodeClockAndLog();
    final EdgePorts ports;

    NodePorts() {
        NodeCrypto crypto = new NodeCrypto();
        this.ports = new EdgePorts(clockAndLog, crypto, crypto, json, new NodeHttp(json), clockAndLog);
    }

    /** The bundled configuration; throws with the reason when it is missing or invalid. */
    EdgeConfig loadConfig() {
        String text = NodeBundleFiles.read(CONFIG_FILE);
        if (text == null) {
            throw new IllegalStateException(CONFIG_FILE + " is missing from the bundle");
        }
        return EdgeConfig.fromJson(text, json);
    }

    ShippingGeneratedResponseLog generatedResponseLog(EdgeConfig config) {
        ShipperConfig shipperConfig = ShipperConfig.from(config);
        LogShipper shipper = new LogShipper(shipperConfig.ingest(), ports.http(), json, ports.clock(), ports.log());
        return new ShippingGeneratedResponseLog(new LogRecordBuilder(shipperConfig.logging(), json), shipper,
                ports.clock(), ports.log());
    }
}
