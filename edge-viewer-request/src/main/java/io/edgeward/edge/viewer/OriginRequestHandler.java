package io.edgeward.edge.viewer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.OriginRequestPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.port.EdgePorts;
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
 * The CloudFront origin-request function on the JVM (docs/edge.md "Origin-request association"): event in,
 * {@link OriginRequestPolicy}, then the request or a generated block/challenge out. Same bundled configuration as
 * the viewer-request function. It never fails the request: a malformed event, unusable configuration, fault or no
 * decision within Protector's budget plus a grace period returns the request as received. Unlike at viewer-request,
 * the x-edgeward-* headers are kept on that path: here they are our viewer-request function's marks.
 */
public final class OriginRequestHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OriginRequestHandler.class);

    private final EdgePorts ports;
    private final OriginRequestPolicy policy;
    private final long waitMillis;
    private final ShippingGeneratedResponseLog shipping;

    /** Reads {@code edgeward-edge.json} from the class path; if that fails, every request passes unchanged. */
    public OriginRequestHandler() {
        EdgePorts jvm = JvmPorts.create(LOG.getName());
        EdgeConfig config = null;
        try {
            config = EdgeConfigResource.load(EdgeConfigResource.DEFAULT_NAME, jvm.json());
        } catch (RuntimeException e) {
            LOG.error("edge configuration unusable, passing every request through unchecked: {}", e.getMessage());
        }
        this.ports = jvm;
        this.shipping = config == null ? null : GeneratedResponseShipping.create(config, jvm);
        this.policy = config == null ? null : new OriginRequestPolicy(config, jvm,
                NimbusTokenCodec.from(config.cookie()), GeneratedResponseShipping.orNone(shipping));
        this.waitMillis = config == null ? 0 : config.protector().timeoutMillis() + ViewerRequestHandler.GRACE_MILLIS;
    }

    /** For the local front: other ports; generated responses shipped to the configured ingest. */
    public OriginRequestHandler(EdgeConfig config, EdgePorts ports) {
        this(config, ports, GeneratedResponseShipping.create(config, ports), null);
    }

    /** For tests: another log for generated responses (nothing is shipped). */
    public OriginRequestHandler(EdgeConfig config, EdgePorts ports, GeneratedResponseLog generatedLog) {
        this(config, ports, null, generatedLog);
    }

    private OriginRequestHandler(EdgeConfig config, EdgePorts ports, ShippingGeneratedResponseLog shipping,
                                 GeneratedResponseLog generatedLog) {
        this.ports = ports;
        this.shipping = shipping;
        this.policy = new OriginRequestPolicy(config, ports, NimbusTokenCodec.from(config.cookie()),
                generatedLog != null ? generatedLog : GeneratedResponseShipping.orNone(shipping));
        this.waitMillis = config.protector().timeoutMillis() + ViewerRequestHandler.GRACE_MILLIS;
    }

    /** Sends full or aged batches of generated-response records (a long-lived process calls it on a timer). */
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
        if (policy == null) {
            return raw;
        }
        try {
            EdgeResult result = decide(CfEvent.fromJson(root));
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
