package io.edgeward.local.front;

import io.edgeward.emulator.EdgeEvents;
import io.edgeward.emulator.EdgeFunction;
import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;

import java.util.Optional;

/**
 * The request path of one emulated CloudFront distribution with Lambda@Edge associations:
 * viewer-request function → CloudFront-Viewer-* headers added → (generated response | cache |
 * origin-request function → (generated response | origin → origin-response function)) →
 * viewer-response function (only when the status is below 400) → viewer.
 * A viewer-request response is returned as is, with no further event, as CloudFront does; an origin-request response
 * skips the origin and the origin-response event, and is cached if its headers allow. A function fault or an
 * unusable result is logged and the request goes on as if the function had returned its input ({@link EdgeFunction}).
 */
final class Distribution {

    private final FrontConfig config;
    private final EdgeEvents events;
    private final EdgeFunction viewerRequest;
    private final EdgeFunction originRequest;
    private final EdgeFunction shipper;
    private final ResponseCache cache;
    private final Origin origin;
    private final String via;

    Distribution(FrontConfig config, EdgeFunction viewerRequest, EdgeFunction originRequest, EdgeFunction shipper,
                 ResponseCache cache, Origin origin) {
        this.config = config;
        this.events = EdgeEvents.forDistribution(config.distributionDomainName(), config.distributionId(),
                config.includeBodyLimit(), config.origin(), config.originTimeout());
        this.viewerRequest = viewerRequest;
        this.originRequest = originRequest;
        this.shipper = shipper;
        this.cache = cache;
        this.origin = origin;
        this.via = "1.1 " + config.distributionDomainName().replace(".cloudfront.net", "") + ".cloudfront.net (CloudFront)";
    }

    EdgeResponse serve(EdgeRequest viewer) {
        EdgeFunction.RequestStep viewerStep = viewerRequest.onRequest(events.viewerRequest(viewer), viewer);
        if (viewerStep.generated().isPresent()) {
            return decorate(viewerStep.generated().get(), viewer, "LambdaGeneratedResponse");
        }
        // CloudFront adds its viewer headers after the viewer-request event: only origin-facing functions see them.
        EdgeRequest request = viewerStep.request().withViewerHeaders();
        EdgeResponse response;
        String cacheResult;
        Optional<ResponseCache.Entry> hit = cacheable(request) ? cache.get(request.cacheKey()) : Optional.empty();
        if (hit.isPresent()) {
            response = hit.get().response();
            cacheResult = "Hit";
        } else {
            EdgeFunction.RequestStep step = originRequest.onRequest(events.originRequest(request), request);
            request = step.request();
            if (step.generated().isPresent()) {
                response = step.generated().get();
                cacheResult = "LambdaGeneratedResponse";
            } else {
                response = originResponse(request, origin.forward(request, via));
                cacheResult = response.status() >= 400 ? "Error" : "Miss";
            }
            cache.putIfCacheable(request.method(), request.cacheKey(), response);
        }
        if (response.status() < 400) {
            response = viewerResponse(request, response);
        }
        return decorate(response, request, cacheResult);
    }

    private EdgeResponse originResponse(EdgeRequest request, EdgeResponse fromOrigin) {
        return shipper.onResponse(events.originResponse(request, fromOrigin), request, fromOrigin).orElse(fromOrigin);
    }

    /** Viewer-response functions cannot change the status: a changed status is ignored, headers and body kept. */
    private EdgeResponse viewerResponse(EdgeRequest request, EdgeResponse response) {
        return shipper.onResponse(events.viewerResponse(request, response), request, response)
                .map(modified -> new EdgeResponse(response.status(), response.statusDescription(),
                        modified.headers(), modified.body()))
                .orElse(response);
    }

    private static boolean cacheable(EdgeRequest request) {
        return "GET".equals(request.method()) || "HEAD".equals(request.method());
    }

    private EdgeResponse decorate(EdgeResponse response, EdgeRequest request, String cacheResult) {
        return response.withHeaders(response.headers()
                .with("x-cache", cacheResult + " from cloudfront")
                .with("via", via)
                .with("x-amz-cf-pop", config.edgeLocation())
                .with("x-amz-cf-id", request.requestId()));
    }
}
