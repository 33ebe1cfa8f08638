package io.edgeward.edge.viewer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.shipper.ShipperStats;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.jvm.JvmPorts;
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
    private final ViewerPolicy policy;
    private final long waitMillis;
    private final String configProblem;
    private final ShippingGeneratedResponseLog shipping;

    /** Reads {@code edgeward-edge.json} from the class path; if that fails, every request passes unchanged. */
    public ViewerRequestHandler() {
        this(EdgeConfigResource.DEFAULT_NAME);
    }

    ViewerRequestHandler(String configResource) {
        EdgePorts jvm = JvmPorts.create(LOG.getName());
        EdgeConfig config = null;
        String problem = null;
        try {
            config = EdgeConfigResource.load(configResource, jvm.json());
        } catch (RuntimeException e) {
            problem = e.getMessage();
            LOG.error("edge configuration unusable, passing every request through unchecked: {}", problem);
        }
        this.ports = jvm;
        this.shipping = config == null ? null : GeneratedResponseShipping.create(config, jvm);
        this.policy = config == null ? null : new ViewerPolicy(config, jvm, NimbusTokenCodec.from(config.cookie()),
                GeneratedResponseShipping.orNone(shipping));
        this.waitMillis = config == null ? 0 : budgetMillis(config) + GRACE_MILLIS;
        this.configProblem = problem;
    }

    /** The JVM ports; generated responses are shipped to the configured ingest. */
    public ViewerRequestHandler(EdgeConfig config) {
        this(config, JvmPorts.create(LOG.getName()));
    }

    /** For the local front and tests: other ports (a movable clock); generated responses shipped to ingest. */
    public ViewerRequestHandler(EdgeConfig config, EdgePorts ports) {
        this(config, ports, NimbusTokenCodec.from(config.cookie()), GeneratedResponseShipping.create(config, ports));
    }

    /** For tests: another log for generated responses (nothing is shipped). */
    public ViewerRequestHandler(EdgeConfig config, EdgePorts ports, GeneratedResponseLog generatedLog) {
        this(config, ports, NimbusTokenCodec.from(config.cookie()), generatedLog, null);
    }

    private ViewerRequestHandler(EdgeConfig config, EdgePorts ports, TokenCodec tokens,
                                 ShippingGeneratedResponseLog shipping) {
        this(config, ports, tokens, GeneratedResponseShipping.orNone(shipping), shipping);
    }

    private ViewerRequestHandler(EdgeConfig config, EdgePorts ports, TokenCodec tokens,
                                 GeneratedResponseLog generatedLog, ShippingGeneratedResponseLog shipping) {
        this.ports = ports;
        this.shipping = shipping;
        this.policy = new ViewerPolicy(config, ports, tokens, generatedLog);
        this.waitMillis = budgetMillis(config) + GRACE_MILLIS;
        this.configProblem = null;
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
        if (shipping != null) {
            shipping.flushDue();
        }
    }

    /** Posts every generated-response record still queued (a long-lived process shutting down). */
    public void flushAll() {
        if (shipping != null) {
            shipping.flushAll();
        }
    }

    /** Counters of the generated-response shipper, or null when nothing is shipped. */
    public ShipperStats shipperStats() {
        return shipping == null ? null : shipping.stats();
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
        if (policy == null) {
            LOG.debug("passing through: {}", configProblem);
            return PassthroughRequest.of(root);
        }
        try {
            EdgeResult result = decide(CfEvent.fromJson(root));
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

    private EdgeResult decide(CfEvent event) {
        CompletableFuture<EdgeResult> result = new CompletableFuture<>();
        policy.handle(event, result::complete);
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
