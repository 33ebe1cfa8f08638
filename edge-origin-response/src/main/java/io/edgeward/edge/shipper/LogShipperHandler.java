package io.edgeward.edge.shipper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ResponseLogging;
import io.edgeward.edge.core.shipper.ShipperStats;
import io.edgeward.edge.jvm.JvmPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log shipper function on the JVM, associated with both the viewer-response and the origin-response event of a
 * behavior: event in, {@link ResponseLogging} (log once, add the session cookie at viewer-response), response out.
 * It reads the whole event itself because aws-lambda-java-events' CloudFrontEvent drops eventType and requestId.
 *
 * <p>It never fails a response: a malformed event, an unusable configuration or any fault returns the response as it
 * came and logs why. Ingest is never awaited; see {@link LogShipper}.
 */
public final class LogShipperHandler implements RequestStreamHandler {

    /** The edge configuration baked into the bundle (Lambda@Edge has no environment variables). */
    public static final String CONFIG_RESOURCE = "edgeward-edge.json";

    private static final Logger LOG = LoggerFactory.getLogger(LogShipperHandler.class);

    private final EdgePorts ports;
    private final LogShipper shipper;
    private final ResponseLogging logging;

    /**
     * Reads {@value #CONFIG_RESOURCE} from the class path. If it is missing or invalid, the function still runs and
     * returns every response unchanged, unlogged: a logging fault must not take the site down.
     */
    public LogShipperHandler() {
        this(JvmPorts.create(LogShipperHandler.class.getName()), CONFIG_RESOURCE);
    }

    /** With the two sections of the full edge configuration. */
    public LogShipperHandler(EdgeConfig config) {
        this(ShipperConfig.from(config));
    }

    public LogShipperHandler(ShipperConfig config) {
        this(config, JvmPorts.create(LogShipperHandler.class.getName()));
    }

    /** For tests and the local front: other ports (a movable clock, another HTTP client). */
    public LogShipperHandler(ShipperConfig config, EdgePorts ports) {
        this(ports, Objects.requireNonNull(config, "config"));
    }

    LogShipperHandler(EdgePorts ports, String configResource) {
        this(ports, ConfigResource.loadOrNull(configResource, ports.json()));
    }

    private LogShipperHandler(EdgePorts ports, ShipperConfig configOrNull) {
        this.ports = ports;
        if (configOrNull == null) {
            this.shipper = null;
            this.logging = null;
            return;
        }
        this.shipper = new LogShipper(configOrNull.ingest(), ports.http(), ports.json(), ports.clock(), ports.log());
        this.logging = new ResponseLogging(new LogRecordBuilder(configOrNull.logging(), ports.json()), shipper,
                ports.clock(), ports.log());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Object result = respond(input);
        String text;
        try {
            text = ports.json().write(result);
        } catch (RuntimeException e) {
            LOG.warn("edgeward shipper: could not write the response ({}); writing an empty object", e.toString());
            text = "{}";
        }
        output.write(text.getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /** What the shipper has done so far in this execution environment. */
    public ShipperStats stats() {
        return shipper == null ? new ShipperStats(0, 0, 0, 0, 0, 0, 0) : shipper.stats();
    }

    /**
     * Sends full or aged batches now. Lambda needs no call (each invocation does it first); a long-lived process
     * such as the local front may call it on a timer so the last requests of a quiet spell are not held back.
     */
    public void flushDue() {
        if (shipper != null) {
            shipper.flushDue();
        }
    }

    /** Posts everything still queued (a long-lived process shutting down, such as the local front). */
    public void flushAll() {
        if (shipper != null) {
            shipper.flushAll();
        }
    }

    private Object respond(InputStream input) {
        Map<String, Object> root;
        try {
            root = ports.json().parseObject(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warn("edgeward shipper: the event is not a JSON object ({}); nothing to return but an empty object",
                    e.getClass().getName());
            return new LinkedHashMap<String, Object>();
        }
        try {
            if (logging == null) {
                Map<String, Object> response = CfEvent.rawResponse(root);
                return response != null ? response : root;
            }
            return logging.handle(root);
        } catch (RuntimeException e) {
            // ResponseLogging never throws; this guards against a bug there costing a response.
            LOG.warn("edgeward shipper: unexpected fault, response returned unchanged", e);
            Map<String, Object> response = CfEvent.rawResponse(root);
            return response != null ? response : new LinkedHashMap<String, Object>();
        }
    }
}
