package io.edgeward.edge.viewer;

import io.edgeward.edge.core.decision.OriginRequestPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.NimbusTokenCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFront origin-request function on the JVM (docs/edge.md "Origin-request association"): event in,
 * {@link OriginRequestPolicy}, then the request or a generated block/challenge out. Same bundled configuration as
 * the viewer-request function. It never fails the request: a malformed event, unusable configuration, fault or no
 * decision within Protector's budget plus a grace period returns the request as received. Unlike at viewer-request,
 * the x-edgeward-* headers are kept on that path: here they are our viewer-request function's marks.
 */
public final class OriginRequestHandler extends RequestFunction {

    private static final Logger LOG = LoggerFactory.getLogger(OriginRequestHandler.class);

    /**
     * For Lambda@Edge: reads {@value EdgeSetup#RESOURCE} from the class path; if it is missing or invalid, every
     * request passes unchanged (said once, here), as at viewer-request.
     */
    public OriginRequestHandler() {
        this(HandlerDependencies.bundled(LOG.getName()));
    }

    /** For the local front and tests: their configuration, ports and generated log. */
    public OriginRequestHandler(HandlerDependencies dependencies) {
        super(LOG, dependencies, (config, ports, log) -> new OriginRequestPolicy(config, ports,
                NimbusTokenCodec.from(config.cookie()), log)::handle, config -> config.protector().timeoutMillis());
    }

    /** The request as received, x-edgeward-* headers included: here they are our viewer-request function's marks. */
    @Override
    Map<String, Object> passthrough(Map<String, Object> root) {
        return CfEvent.rawRequest(root);
    }
}
