package io.edgeward.edge.viewer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.OriginRequestPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.NimbusTokenCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFront origin-request function on the JVM (docs/edge.md "Origin-request association"): event in,
 * {@link OriginRequestPolicy}, then the request or a generated block/challenge out. Same bundled configuration as
 * the viewer-request function. It never fails the request: a malformed event, unusable configuration, fault or no
 * decision within Protector's budget plus a grace period returns the request as received. Unlike at viewer-request,
 * the x-edgeward-* headers are kept on that path: here they are our viewer-request function's marks.
 */
public final class OriginRequestHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OriginRequestHandler.class);

    private final EdgePorts ports;
    private final EdgeSetup<Active> setup;

    /** The policy with what it needs, for a usable configuration. */
    private record Active(OriginRequestPolicy policy, long waitMillis, GeneratedResponseLog generatedLog) {
    }

    /**
     * For Lambda@Edge: reads {@value EdgeSetup#RESOURCE} from the class path; if it is missing or invalid, every
     * request passes unchanged (said once, here), as at viewer-request.
     */
    public OriginRequestHandler() {
        this(HandlerDependencies.bundled(LOG.getName()));
    }

    /** For the local front and tests: their configuration, ports and generated log. */
    public OriginRequestHandler(HandlerDependencies dependencies) {
        EdgePorts jvm = dependencies.ports();
        this.ports = jvm;
        this.setup = dependencies.setup().map(config -> {
            GeneratedResponseLog log = dependencies.generatedLog().apply(config);
            return new Active(new OriginRequestPolicy(config, jvm, NimbusTokenCodec.from(config.cookie()), log),
                    config.protector().timeoutMillis() + ViewerRequestHandler.GRACE_MILLIS, log);
        }).reported(LOG, "passing every request through unchecked");
    }

    /** Sends full or aged batches of generated-response records (a long-lived process calls it on a timer). */
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

    private ShippingGeneratedResponseLog shipping() {
        return setup instanceof EdgeSetup.Ready<Active> ready
                && ready.config().generatedLog() instanceof ShippingGeneratedResponseLog shipping ? shipping : null;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not read the event, answering an empty object: {}", e.toString());
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
            LOG.warn("event is not a JSON object, answering an empty object: {}", e.getMessage());
            return "{}";
        }
        Map<String, Object> raw = CfEvent.rawRequest(root);
        if (raw == null) {
            LOG.warn("event has no Records[0].cf.request object, answering an empty object");
            return "{}";
        }
        try {
            return ports.json().write(decideOrPass(root, raw));
        } catch (RuntimeException e) {
            LOG.warn("could not write the answer, passing the request through: {}", e.toString());
            return ports.json().write(raw);
        }
    }

    private Map<String, Object> decideOrPass(Map<String, Object> root, Map<String, Object> raw) {
        // A frozen Lambda environment runs no timers: aged batches leave at the start of the next invocation.
        flushDue();
        if (!(setup instanceof EdgeSetup.Ready<Active> ready)) {
            return raw;
        }
        try {
            EdgeResult result = decide(ready.config(), CfEvent.fromJson(root));
            if (result instanceof EdgeResult.Forward forward) {
                return forward.request().toJson();
            }
            if (result instanceof EdgeResult.Respond respond) {
                return respond.response().toJson();
            }
            LOG.warn("passing the request through unchanged: {}", ((EdgeResult.Passthrough) result).reason());
        } catch (RuntimeException e) {
            LOG.warn("passing the request through unchanged after a fault: {}", e.toString());
        }
        return raw;
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
