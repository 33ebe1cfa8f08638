package io.edgeward.edge.viewer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.ShipperStats;
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
 * The CloudFront viewer-request function on the JVM: event in, {@link ViewerPolicy}, then the (possibly modified)
 * request or a generated response out. It never fails the viewer's request: a malformed event, missing or invalid
 * configuration, or any fault returns the original request unchanged and logs why. It reads the whole event itself
 * because aws-lambda-java-events' CloudFrontEvent drops querystring, body, eventType and requestId.
 */
public final class ViewerRequestHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerRequestHandler.class);
    /** Beyond Protector's own budget, how long to wait for the policy before failing open regardless. */
    static final long GRACE_MILLIS = 1000;

    private final EdgePorts ports;
    private final EdgeSetup<Active> setup;

    /** The policy with what it needs, for a usable configuration. */
    private record Active(ViewerPolicy policy, long waitMillis, GeneratedResponseLog generatedLog) {
    }

    /**
     * For Lambda@Edge: reads {@value EdgeSetup#RESOURCE} from the class path; if it is missing or invalid, every
     * request passes unchanged (said once, here).
     */
    public ViewerRequestHandler() {
        this(HandlerDependencies.bundled(LOG.getName()));
    }

    /** For the local front, the inline inspector and tests: their configuration, ports and generated log. */
    public ViewerRequestHandler(HandlerDependencies dependencies) {
        EdgePorts jvm = dependencies.ports();
        this.ports = jvm;
        this.setup = dependencies.setup().map(config -> {
            GeneratedResponseLog log = dependencies.generatedLog().apply(config);
            return new Active(new ViewerPolicy(config, jvm, NimbusTokenCodec.from(config.cookie()), log),
                    budgetMillis(config) + GRACE_MILLIS, log);
        }).reported(LOG, "passing every request through unchecked");
    }

    /**
     * The longest a decision may wait for Protector: a check's timeout, or a challenge verification's, which is
     * longer; waiting less would pass a verify request through to the origin before Protector answered.
     */
    static long budgetMillis(EdgeConfig config) {
        return Math.max(config.protector().timeoutMillis(), config.challenge().verifyTimeoutMillis());
    }

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

    /** Counters of the generated-response shipper, or null when nothing is shipped. */
    public ShipperStats shipperStats() {
        ShippingGeneratedResponseLog shipping = shipping();
        return shipping == null ? null : shipping.stats();
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
        try {
            return ports.json().write(handle(root));
        } catch (RuntimeException e) {
            LOG.warn("could not write the answer, passing the request through: {}", e.toString());
            Map<String, Object> raw = PassthroughRequest.of(root);
            return raw == null ? "{}" : ports.json().write(raw);
        }
    }

    /** A parsed event in, the request or response object out; never throws. */
    public Map<String, Object> handle(Map<String, Object> root) {
        if (CfEvent.rawRequest(root) == null) {
            LOG.warn("event has no Records[0].cf.request object, answering an empty object");
            return Map.of();
        }
        return decideOrPass(root);
    }

    /** The passthrough copy is made only when it is the answer: nothing on the way changes the parsed event. */
    private Map<String, Object> decideOrPass(Map<String, Object> root) {
        // A frozen Lambda environment runs no timers: aged batches leave at the start of the next invocation.
        flushDue();
        if (setup instanceof EdgeSetup.Unusable<Active> unusable) {
            LOG.debug("passing through: {}", unusable.reason());
            return PassthroughRequest.of(root);
        }
        try {
            EdgeResult result = decide(((EdgeSetup.Ready<Active>) setup).config(), CfEvent.fromJson(root));
            if (result instanceof EdgeResult.Forward) {
                return ((EdgeResult.Forward) result).request().toJson();
            }
            if (result instanceof EdgeResult.Respond) {
                return ((EdgeResult.Respond) result).response().toJson();
            }
            LOG.warn("passing the request through unchanged: {}", ((EdgeResult.Passthrough) result).reason());
        } catch (RuntimeException e) {
            LOG.warn("passing the request through unchanged after a fault: {}", e.toString());
        }
        return PassthroughRequest.of(root);
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
