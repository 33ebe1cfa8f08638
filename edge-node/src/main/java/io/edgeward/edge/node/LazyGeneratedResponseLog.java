package io.edgeward.edge.node;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;

/**
 * Builds the viewer-request function's shipper on the first block or challenge it logs, not at cold start: most
 * environments serve allowed requests first, and every class initialised before the first answer is cold-start
 * time under Node. The shipper section was validated with the rest of the configuration at start-up.
 */
final class LazyGeneratedResponseLog implements GeneratedResponseLog {

    private final NodePorts node;
    private final EdgeConfig config;
    private ShippingGeneratedResponseLog shipping;
    private boolean unavailable;

    LazyGeneratedResponseLog(NodePorts node, EdgeConfig config) {
        this.node = node;
        this.config = config;
    }

    @Override
    public void generated(ViewerRequest request, CfResponse response, RequestMark mark) {
        if (shipping == null && !unavailable) {
            try {
                shipping = node.generatedResponseLog(config);
            } catch (RuntimeException e) {
                // Said once: without an ingest section, every later block or challenge would repeat it.
                unavailable = true;
                node.clockAndLog.warn("edgeward shipper: generated responses are not logged: " + e.getMessage());
            }
        }
        if (shipping != null) {
            shipping.generated(request, response, mark);
        }
    }

    /** Sends aged batches once anything was logged; nothing to do before. */
    void flushDue() {
        if (shipping != null) {
            shipping.flushDue();
        }
    }
}
