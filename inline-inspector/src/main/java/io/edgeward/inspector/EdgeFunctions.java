package io.edgeward.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.shipper.LogShipperHandler;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge functions' JVM targets, unchanged: the viewer-request handler (with its own shipper for the responses it
 * generates) and the log shipper. A fault is logged and counted, never thrown: the request goes on without it.
 */
class EdgeFunctions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeFunctions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ViewerRequestHandler viewerRequest;
    private final LogShipperHandler shipper;
    private final AtomicLong faults = new AtomicLong();

    EdgeFunctions(EdgeConfig config) {
        // The handler ships the responses it generates and flushes aged batches at the start of each invocation.
        this.viewerRequest = new ViewerRequestHandler(HandlerDependencies.of(config,
                JvmPorts.create("io.edgeward.edge.viewer")));
        this.shipper = new LogShipperHandler(LogShipperHandler.Dependencies.of(config));
    }

    /** The viewer-request result (request or generated response), empty on a fault. */
    Optional<JsonNode> viewerRequest(ObjectNode event) {
        try {
            return object(JSON.readTree(viewerRequest.handle(JSON.writeValueAsString(event))));
        } catch (Exception | LinkageError e) {
            return fault("viewer-request", e);
        }
    }

    /** The shipper's response object (viewer-response or origin-response), empty on a fault. */
    Optional<JsonNode> shipper(ObjectNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // The handler does not use the Lambda context.
            shipper.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
            return object(JSON.readTree(out.toByteArray()));
        } catch (Exception | LinkageError e) {
            return fault("shipper", e);
        }
    }

    /** Sends aged batches: a long-lived process has no next invocation to carry them. */
    void flushDue() {
        viewerRequest.flushDue();
        shipper.flushDue();
    }

    long faults() {
        return faults.get();
    }

    @Override
    public void close() {
        viewerRequest.flushAll();
        shipper.flushAll();
    }

    private static Optional<JsonNode> object(JsonNode result) {
        if (result == null || !result.isObject() || result.isEmpty()) {
            throw new IllegalStateException("result is not a non-empty JSON object");
        }
        return Optional.of(result);
    }

    private Optional<JsonNode> fault(String function, Throwable e) {
        faults.incrementAndGet();
        LOG.warn("edge function fault, failing open: function={} error={}", function, e.toString());
        return Optional.empty();
    }
}
