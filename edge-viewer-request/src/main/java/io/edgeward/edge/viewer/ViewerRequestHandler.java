package io.edgeward.edge.viewer;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.shipper.ShipperStats;
import io.edgeward.edge.core.shipper.ShippingGeneratedResponseLog;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.NimbusTokenCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFront viewer-request function on the JVM: event in, {@link ViewerPolicy}, then the (possibly modified)
 * request or a generated response out. It never fails the viewer's request: a malformed event, missing or invalid
 * configuration, or any fault returns the original request unchanged and logs why. It reads the whole event itself
 * because aws-lambda-java-events' CloudFrontEvent drops querystring, body, eventType and requestId.
 */
public final class ViewerRequestHandler extends RequestFunction {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerRequestHandler.class);

    /**
     * For Lambda@Edge: reads {@value EdgeSetup#RESOURCE} from the class path; if it is missing or invalid, every
     * request passes unchanged (said once, here).
     */
    public ViewerRequestHandler() {
        this(HandlerDependencies.bundled(LOG.getName()));
    }

    /** For the local front, the inline inspector and tests: their configuration, ports and generated log. */
    public ViewerRequestHandler(HandlerDependencies dependencies) {
        super(LOG, dependencies, (config, ports, log) -> new ViewerPolicy(config, ports,
                NimbusTokenCodec.from(config.cookie()), log)::handle, ViewerRequestHandler::budgetMillis);
    }

    /**
     * The longest a decision may wait for Protector: a check's timeout, or a challenge verification's, which is
     * longer; waiting less would pass a verify request through to the origin before Protector answered.
     */
    static long budgetMillis(EdgeConfig config) {
        return Math.max(config.protector().timeoutMillis(), config.challenge().verifyTimeoutMillis());
    }

    /** Counters of the generated-response shipper, or null when nothing is shipped. */
    public ShipperStats shipperStats() {
        ShippingGeneratedResponseLog shipping = shipping();
        return shipping == null ? null : shipping.stats();
    }

    /** The request as received, minus viewer-sent x-edgeward-* headers: the origin must not take them for ours. */
    @Override
    Map<String, Object> passthrough(Map<String, Object> root) {
        return PassthroughRequest.of(root);
    }
}
