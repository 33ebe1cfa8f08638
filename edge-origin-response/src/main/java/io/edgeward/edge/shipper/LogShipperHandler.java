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
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.JvmPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final Logger LOG = LoggerFactory.getLogger(LogShipperHandler.class);

    private final EdgePorts ports;
    private final EdgeSetup<Active> setup;

    /** The shipper and the logging built on it, for a usable configuration. */
    private record Active(LogShipper shipper, ResponseLogging logging) {
    }

    /**
     * What the function is built from: the {@code ingest} and {@code logging} sections (or why there are none) and
     * the ports.
     */
    public record Dependencies(EdgeSetup<ShipperConfig> setup, EdgePorts ports) {

        /** Lambda@Edge: the bundled edge configuration's sections, the JVM ports. */
        public static Dependencies bundled() {
            EdgePorts ports = JvmPorts.create(LogShipperHandler.class.getName());
            return new Dependencies(EdgeSetup.bundled(ports.json()).map(ShipperConfig::from), ports);
        }

        /** The sections of a full edge configuration (the local front, the inline inspector), the JVM ports. */
        public static Dependencies of(EdgeConfig config) {
            return new Dependencies(EdgeSetup.ready(config).map(ShipperConfig::from),
                    JvmPorts.create(LogShipperHandler.class.getName()));
        }

        /** Tests and benchmarks: the sections as given, other ports (a movable clock, another HTTP client). */
        public static Dependencies of(ShipperConfig config, EdgePorts ports) {
            return new Dependencies(EdgeSetup.ready(config), ports);
        }
    }

    /**
     * For Lambda@Edge: reads {@value EdgeSetup#RESOURCE} from the class path. If it is missing or invalid, the
     * function still runs and returns every response unchanged, unlogged (said once, here): a logging fault must
     * not take the site down.
     */
    public LogShipperHandler() {
        this(Dependencies.bundled());
    }

    public LogShipperHandler(Dependencies dependencies) {
        EdgePorts jvm = dependencies.ports();
        this.ports = jvm;
        this.setup = dependencies.setup().map(config -> {
            LogShipper shipper = new LogShipper(config.ingest(), jvm.http(), jvm.json(), jvm.clock(), jvm.log());
            return new Active(shipper, new ResponseLogging(new LogRecordBuilder(config.logging(), jvm.json()),
                    shipper, jvm.clock(), jvm.log()));
        }).reported(LOG, "responses pass through unlogged");
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
        return setup instanceof EdgeSetup.Ready<Active> ready ? ready.config().shipper().stats()
                : new ShipperStats(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Sends full or aged batches now. Lambda needs no call (each invocation does it first); a long-lived process
     * such as the local front may call it on a timer so the last requests of a quiet spell are not held back.
     */
    public void flushDue() {
        if (setup instanceof EdgeSetup.Ready<Active> ready) {
            ready.config().shipper().flushDue();
        }
    }

    /** Posts everything still queued (a long-lived process shutting down, such as the local front). */
    public void flushAll() {
        if (setup instanceof EdgeSetup.Ready<Active> ready) {
            ready.config().shipper().flushAll();
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
            if (!(setup instanceof EdgeSetup.Ready<Active> ready)) {
                Map<String, Object> response = CfEvent.rawResponse(root);
                return response != null ? response : root;
            }
            return ready.config().logging().handle(root);
        } catch (RuntimeException e) {
            // ResponseLogging never throws; this guards against a bug there costing a response.
            LOG.warn("edgeward shipper: unexpected fault, response returned unchanged", e);
            Map<String, Object> response = CfEvent.rawResponse(root);
            return response != null ? response : new LinkedHashMap<String, Object>();
        }
    }
}
