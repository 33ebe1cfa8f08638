package io.edgeward.emulator;

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
 * One edge function association: serializes the event, runs the JVM handler the way the Lambda runtime does (event
 * bytes in, result bytes out, a {@link EdgeLambdaContext}) and reads its result.
 *
 * <p>Fails open. A fault (an exception, output that is not a non-empty JSON object) is logged and counted; an
 * unusable result (a bad status, uri or body) is logged. Either way the request or response goes on as if the
 * function had returned its input, so the emulator never stops a request a function could not handle.
 *
 * <p>The handler is invoked concurrently from request threads, so it must be thread-safe, as a Lambda handler
 * instance reused across invocations must be.
 */
public final class EdgeFunction {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a request function made of a request: the request to send on, or a response it generated instead. */
    public record RequestStep(EdgeRequest request, Optional<EdgeResponse> generated) {
    }

    private final String name;
    private final RequestStreamHandler handler;
    private final AtomicLong faults = new AtomicLong();

    /** @param name the function's name, in logs and in the Lambda context */
    public EdgeFunction(String name, RequestStreamHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    /** No function associated with the event: every request and response goes on unchanged. */
    public static EdgeFunction none(String name) {
        return new EdgeFunction(name, null);
    }

    /** The function's result object, or empty on a fault or when no function is associated. */
    public Optional<JsonNode> invoke(ObjectNode event, String requestId) {
        if (handler == null) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out,
                    new EdgeLambdaContext(requestId, name));
            JsonNode result = JSON.readTree(out.toByteArray());
            // An edge handler answers {} only when it could not read the event: a fault, not "no change".
            if (result == null || !result.isObject() || result.isEmpty()) {
                throw new IllegalStateException("result is not a non-empty JSON object");
            }
            return Optional.of(result);
        } catch (Exception | LinkageError e) {
            faults.incrementAndGet();
            LOG.warn("edge function fault, failing open: function={} requestId={} error={}", name, requestId,
                    e.toString());
            LOG.debug("edge function fault", e);
            return Optional.empty();
        }
    }

    /**
     * Runs a viewer- or origin-request function on {@code event} (built from {@code request}): the request it
     * returned, or the response it generated; {@code request} itself on a fault or an unusable result.
     */
    public RequestStep onRequest(ObjectNode event, EdgeRequest request) {
        Optional<JsonNode> result = invoke(event, request.requestId());
        if (result.isEmpty()) {
            return new RequestStep(request, Optional.empty());
        }
        try {
            if (EdgeEvents.isGeneratedResponse(result.get())) {
                return new RequestStep(request, Optional.of(EdgeEvents.readResponse(result.get(), null)));
            }
            return new RequestStep(EdgeEvents.readRequest(result.get(), request), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("unusable {} result, failing open: requestId={} error={}", name, request.requestId(),
                    e.toString());
            return new RequestStep(request, Optional.empty());
        }
    }

    /**
     * Runs an origin- or viewer-response function on {@code event}: the response it returned, parts it left out
     * taken from {@code response}; empty on a fault or an unusable result (the caller keeps {@code response}).
     */
    public Optional<EdgeResponse> onResponse(ObjectNode event, EdgeRequest request, EdgeResponse response) {
        return invoke(event, request.requestId()).flatMap(result -> {
            try {
                return Optional.of(EdgeEvents.readResponse(result, response));
            } catch (RuntimeException e) {
                LOG.warn("unusable {} result, failing open: requestId={} error={}", name, request.requestId(),
                        e.toString());
                return Optional.empty();
            }
        });
    }

    /** Faults since creation (exceptions, empty or non-JSON output), for tests and diagnostics. */
    public long faults() {
        return faults.get();
    }

    public String name() {
        return name;
    }
}
