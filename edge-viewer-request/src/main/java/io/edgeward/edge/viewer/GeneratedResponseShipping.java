package io.edgeward.edge.viewer;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the log for the responses this function generates, with the log shipper's code from edge-core, from the
 * {@code ingest} and {@code logging} sections of the same configuration. Without an {@code ingest} section those
 * responses are not logged (said once at start-up).
 */
final class GeneratedResponseShipping {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedResponseShipping.class);

    private GeneratedResponseShipping() {
    }

    /** The shipping log, or null when the configuration has no (valid) ingest section. */
    static ShippingGeneratedResponseLog create(EdgeConfig config, EdgePorts ports) {
        if (config.ingest() == null) {
            LOG.warn("no ingest section in the edge configuration: generated block/challenge responses are not logged");
            return null;
        }
        try {
            ShipperConfig shipper = ShipperConfig.from(config);
            return new ShippingGeneratedResponseLog(new LogRecordBuilder(shipper.logging(), ports.json()),
                    new LogShipper(shipper.ingest(), ports.http(), ports.json(), ports.clock(), ports.log()),
                    ports.clock(), ports.log());
        } catch (RuntimeException e) {
            LOG.error("ingest/logging configuration unusable, generated responses are not logged: {}", e.getMessage());
            return null;
        }
    }

    static GeneratedResponseLog orNone(ShippingGeneratedResponseLog log) {
        return log == null ? GeneratedResponseLog.NONE : log;
    }
}
