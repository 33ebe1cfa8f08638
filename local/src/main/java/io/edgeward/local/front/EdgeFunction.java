package io.edgeward.local.front;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One edge function associated with the emulated distribution: serializes the event, runs the JVM handler the way
 * the Lambda runtime does (event bytes in, result bytes out) and parses its result.
 * A fault (exception, empty or non-JSON output) is logged and counted, never thrown: the front serves on.
 */
final class EdgeFunction {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeFunction.class);

    private final String name;
    private final RequestStreamHandler handler;
    private final ObjectMapper json;
    private final AtomicLong faults = new AtomicLong();

    EdgeFunction(String name, RequestStreamHandler handler, ObjectMapper json) {
        this.name = name;
        this.handler = handler;
        this.json = json;
    }

    /** No function associated with the event (a behavior in inline mode): every request goes on unchanged. */
    static EdgeFunction none(String name) {
        return new EdgeFunction(name, null, null);
    }

    /** The function's result object, or empty on a fault or when no function is associated. */
    Optional<JsonNode> invoke(ObjectNode event, String requestId) {
        if (handler == null) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out,
                    new LocalLambdaContext(requestId, name));
            JsonNode result = json.readTree(out.toByteArray());
            if (result == null || !result.isObject()) {
                throw new IllegalStateException("result is not a JSON object");
            }
            return Optional.of(result);
        } catch (Exception | LinkageError e) {
            faults.incrementAndGet();
            LOG.warn("edge function fault, serving on: function={} requestId={}", name, requestId, e);
            return Optional.empty();
        }
    }

    long faults() {
        return faults.get();
    }

    String name() {
        return name;
    }
}
