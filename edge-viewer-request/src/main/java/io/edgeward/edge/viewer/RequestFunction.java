package io.edgeward.edge.viewer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.jvm.EdgeSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * What the viewer-request and origin-request functions share: the event read and written as CloudFront's JSON, one
 * wait for the asynchronous policy bounded by Protector's budget plus {@link #GRACE_MILLIS}, the generated-response
 * shipper, and failing open on any fault. Subclasses say how to build their policy and what passing through means.
 */
abstract class RequestFunction implements RequestStreamHandler {

    /** Beyond Protector's own budget, how long to wait for the policy before failing open regardless. */
    static final long GRACE_MILLIS = 1000;

    /** An edge-core policy: decides one event, possibly later (Protector is asked asynchronously). */
    interface Policy {
        void handle(CfEvent event, Consumer<EdgeResult> done);
    }

    /** The policy with what it needs, for a usable configuration. */
    record Active(Policy policy, long waitMillis, GeneratedResponseLog generatedLog) {
    }

    /** Builds the policy of a usable configuration with the function's ports and generated-response log. */
    interface PolicyFactory {
        Policy create(EdgeConfig config, EdgePorts ports, GeneratedResponseLog log);
    }

    private final Logger log;
    private final EdgePorts ports;
    private final EdgeSetup<Active> setup;

    /** @param budgetMillis the longest the policy may wait for Protector under a configuration */
    RequestFunction(Logger log, HandlerDependencies dependencies, PolicyFactory policies,
                    java.util.function.ToLongFunction<EdgeConfig> budgetMillis) {
        this.log = log;
        this.ports = dependencies.ports();
        this.setup = dependencies.setup().map(config -> {
            GeneratedResponseLog generated = dependencies.generatedLog().apply(config);
            return new Active(policies.create(config, ports, generated),
                    budgetMillis.applyAsLong(config) + GRACE_MILLIS, generated);
        }).reported(log, "passing every request through unchecked");
    }

    /** What to answer when not deciding: the event's request, as this function passes it on. Null when none. */
    abstract Map<String, Object> passthrough(Map<String, Object> root);

    /**
     * Sends full or aged batches of generated-response records now. Lambda needs no call (each invocation does it
     * first); a long-lived process such as the local front or the inline inspector may call it on a timer.
     */
    public void flushDue() {
        ShippingGeneratedResponseLog shipping = shipping();
        if (shipping != null) {
            shipping.flushDue();
        }
    }

    /** Posts every generated-response record still queued (a long-lived process shutting down). */
    public void flushAll() {
        ShippingGeneratedResponseLog shipping = shipping();
        if (shipping != null) {
            shipping.flushAll();
        }
    }

    ShippingGeneratedResponseLog shipping() {
        return setup instanceof EdgeSetup.Ready<Active> ready
                && ready.config().generatedLog() instanceof ShippingGeneratedResponseLog shipping ? shipping : null;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.warn("could not read the event, answering an empty object: {}", e.toString());
            text = "";
        }
        output.write(handle(text).getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /** The event's JSON text in, CloudFront's answer out; never throws. */
    public String handle(String eventJson) {
        Map<String, Object> root;
        try {
            root = ports.json().parseObject(eventJson);
        } catch (RuntimeException e) {
            log.warn("event is not a JSON object, answering an empty object: {}", e.getMessage());
            return "{}";
        }
        try {
            return ports.json().write(handle(root));
        } catch (RuntimeException e) {
            log.warn("could not write the answer, passing the request through: {}", e.toString());
            Map<String, Object> raw = passthrough(root);
            return raw == null ? "{}" : ports.json().write(raw);
        }
    }

    /** A parsed event in, the request or response object out; never throws. */
    public Map<String, Object> handle(Map<String, Object> root) {
        if (CfEvent.rawRequest(root) == null) {
            log.warn("event has no Records[0].cf.request object, answering an empty object");
            return Map.of();
        }
        // A frozen Lambda environment runs no timers: aged batches leave at the start of the next invocation.
        flushDue();
        if (setup instanceof EdgeSetup.Unusable<Active> unusable) {
            log.debug("passing through: {}", unusable.reason());
            return passthrough(root);
        }
        try {
            EdgeResult result = decide(((EdgeSetup.Ready<Active>) setup).config(), CfEvent.fromJson(root));
            if (result instanceof EdgeResult.Forward forward) {
                return forward.request().toJson();
            }
            if (result instanceof EdgeResult.Respond respond) {
                return respond.response().toJson();
            }
            log.warn("passing the request through unchanged: {}", ((EdgeResult.Passthrough) result).reason());
        } catch (RuntimeException e) {
            log.warn("passing the request through unchanged after a fault: {}", e.toString());
        }
        return passthrough(root);
    }

    private static EdgeResult decide(Active active, CfEvent event) {
        long waitMillis = active.waitMillis();
        CompletableFuture<EdgeResult> result = new CompletableFuture<>();
        active.policy().handle(event, result::complete);
        try {
            return result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EdgeResult.Passthrough("interrupted");
        } catch (Exception e) {
            return new EdgeResult.Passthrough("no decision within " + waitMillis + " ms: " + e);
        }
    }
}
