package io.edgeward.edge.node;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ResponseLogging;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The log shipper as Lambda@Edge runs it on viewer-response and origin-response: {@code exports.handler(event)}
 * returning a promise of the response. It queues the log record and sends batches without waiting for ingest; the
 * promise always resolves, with the response unchanged on any fault.
 */
public final class LogShipperMain {

    private static NodePorts node;
    private static ResponseLogging logging;

    private LogShipperMain() {
    }

    public static void main(String[] args) {
        // Lambda calls the exported handler; nothing runs at module load.
    }

    @JSExport
    public static JSPromise<JSObject> handler(JSObject event) {
        return new JSPromise<>((resolve, reject) -> resolve.accept(handle(event)));
    }

    private static JSObject handle(JSObject event) {
        try {
            ensureStarted();
            if (logging == null) {
                return responseOf(event);
            }
            Map<String, Object> root = node.json.objectFromJs(event);
            return node.json.toJs(logging.handle(root));
        } catch (Throwable e) {
            ViewerRequestMain.warn("edgeward shipper: response returned unchanged after a fault: " + e);
            return responseOf(event);
        }
    }

    private static void ensureStarted() {
        if (node != null) {
            return;
        }
        node = new NodePorts();
        try {
            ShipperConfig config = ShipperConfig.from(node.loadConfig());
            LogShipper shipper = new LogShipper(config.ingest(), node.ports.http(), node.json, node.ports.clock(),
                    node.ports.log());
            logging = new ResponseLogging(new LogRecordBuilder(config.logging(), node.json), shipper,
                    node.ports.clock(), node.ports.log());
        } catch (RuntimeException e) {
            node.clockAndLog.warn("edgeward shipper: edge configuration unusable, nothing is logged: "
                    + e.getMessage());
        }
    }

    @JSBody(params = "event", script = "try { return event.Records[0].cf.response || {}; } catch (e) { return {}; }")
    private static native JSObject responseOf(JSObject event);
}
