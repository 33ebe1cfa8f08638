package io.edgeward.local.front;

import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * A CloudFront origin group as inline mode uses it: the inspecting origin first, the application origin when the
 * inspector answers 500/502/503/504, cannot be reached or times out (OriginClient turns the last two into 502/504).
 * As at CloudFront, only GET, HEAD and OPTIONS fail over; other methods get the primary's answer.
 *
 * <p>Only the primary receives the origin secret and {@code CloudFront-Viewer-Address}, as an origin custom header
 * and the origin request policy put them on the inspector's requests. The front already strips viewer-sent
 * {@code cloudfront-*} headers, and {@link EventHeaders#with} replaces a viewer-sent secret header.
 */
final class OriginGroup implements Origin {

    private static final Logger LOG = LoggerFactory.getLogger(OriginGroup.class);

    static final Set<Integer> FAILOVER_STATUSES = Set.of(500, 502, 503, 504);
    static final Set<String> FAILOVER_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Origin primary;
    private final Origin secondary;
    private final String secretHeader;
    private final String secret;

    OriginGroup(Origin primary, Origin secondary, String secretHeader, String secret) {
        this.primary = primary;
        this.secondary = secondary;
        this.secretHeader = secretHeader;
        this.secret = secret;
    }

    @Override
    public EdgeResponse forward(EdgeRequest request, String via) {
        EdgeResponse fromPrimary = primary.forward(toPrimary(request), via);
        if (!FAILOVER_STATUSES.contains(fromPrimary.status()) || !FAILOVER_METHODS.contains(request.method())) {
            return fromPrimary;
        }
        LOG.info("primary origin answered {}, failing over: requestId={} method={}", fromPrimary.status(),
                request.requestId(), request.method());
        return secondary.forward(request, via);
    }

    /**
     * CloudFront sends the viewer's source port; the local front does not keep it, so the port is 0 (the inspector
     * uses only the address part).
     */
    private EdgeRequest toPrimary(EdgeRequest request) {
        EventHeaders headers = request.headers()
                .with("cloudfront-viewer-address", request.clientIp() + ":0")
                .with(secretHeader, secret);
        return request.withEdits(request.uri(), request.querystring(), headers, request.body());
    }
}
