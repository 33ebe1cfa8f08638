package io.edgeward.local.front;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The request path of one emulated CloudFront distribution with Lambda@Edge associations:
 * viewer-request function → CloudFront-Viewer-* headers added → (generated response | cache |
 * origin-request function → (generated response | origin → origin-response function)) →
 * viewer-response function (only when the status is below 400) → viewer.
 * A viewer-request response is returned as is, with no further event, as CloudFront does; an origin-request response
 * skips the origin and the origin-response event, and is cached if its headers allow. A function fault or an
 * unusable result is logged and the request goes on as if the function had returned its input.
 */
final class Distribution {

    private static final Logger LOG = LoggerFactory.getLogger(Distribution.class);

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
        this.events = new EdgeEvents(config);
        this.viewerRequest = viewerRequest;
        this.originRequest = originRequest;
        this.shipper = shipper;
        this.cache = cache;
        this.origin = origin;
        this.via = "1.1 " + config.distributionDomainName().replace(".cloudfront.net", "") + ".cloudfront.net (CloudFront)";
    }

    FrontResponse serve(FrontRequest viewer) {
        FrontRequest request = viewer;
        Optional<JsonNode> result = viewerRequest.invoke(events.viewerRequest(viewer), viewer.requestId());
        if (result.isPresent()) {
            try {
                if (EdgeEvents.isGeneratedResponse(result.get())) {
                    return decorate(EdgeEvents.readResponse(result.get(), null), viewer, "LambdaGeneratedResponse");
                }
                request = EdgeEvents.readRequest(result.get(), viewer);
            } catch (IllegalArgumentException e) {
                LOG.warn("unusable viewer-request result, serving on: requestId={} error={}", viewer.requestId(),
                        e.getMessage());
            }
        }
        // CloudFront adds its viewer headers after the viewer-request event: only origin-facing functions see them.
        request = request.withViewerHeaders();
        FrontResponse response;
        String cacheResult;
        Optional<ResponseCache.Entry> hit = cacheable(request) ? cache.get(request.cacheKey()) : Optional.empty();
        if (hit.isPresent()) {
            response = hit.get().response();
            cacheResult = "Hit";
        } else {
            OriginStep step = originRequest(request);
            request = step.request();
            if (step.generated() != null) {
                response = step.generated();
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

    /** What the origin-request function made of a cache miss: the request to send on, or a generated response. */
    private record OriginStep(FrontRequest request, FrontResponse generated) {
    }

    private OriginStep originRequest(FrontRequest request) {
        Optional<JsonNode> result = originRequest.invoke(events.originRequest(request), request.requestId());
        if (result.isEmpty()) {
            return new OriginStep(request, null);
        }
        try {
            if (EdgeEvents.isGeneratedResponse(result.get())) {
                return new OriginStep(request, EdgeEvents.readResponse(result.get(), null));
            }
            return new OriginStep(EdgeEvents.readRequest(result.get(), request), null);
        } catch (IllegalArgumentException e) {
            LOG.warn("unusable origin-request result, serving on: requestId={} error={}", request.requestId(),
                    e.getMessage());
            return new OriginStep(request, null);
        }
    }

    private FrontResponse originResponse(FrontRequest request, FrontResponse fromOrigin) {
        return shipper.invoke(events.originResponse(request, fromOrigin), request.requestId())
                .flatMap(result -> read(result, fromOrigin, request, EdgeEvents.ORIGIN_RESPONSE))
                .orElse(fromOrigin);
    }

    /** Viewer-response functions cannot change the status: a changed status is ignored, headers and body kept. */
    private FrontResponse viewerResponse(FrontRequest request, FrontResponse response) {
        return shipper.invoke(events.viewerResponse(request, response), request.requestId())
                .flatMap(result -> read(result, response, request, EdgeEvents.VIEWER_RESPONSE))
                .map(modified -> new FrontResponse(response.status(), response.statusDescription(),
                        modified.headers(), modified.body()))
                .orElse(response);
    }

    private Optional<FrontResponse> read(JsonNode result, FrontResponse fallback, FrontRequest request, String event) {
        try {
            return Optional.of(EdgeEvents.readResponse(result, fallback));
        } catch (IllegalArgumentException e) {
            LOG.warn("unusable {} result, serving on: requestId={} error={}", event, request.requestId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean cacheable(FrontRequest request) {
        return "GET".equals(request.method()) || "HEAD".equals(request.method());
    }

    private FrontResponse decorate(FrontResponse response, FrontRequest request, String cacheResult) {
        return response.withHeaders(response.headers()
                .with("x-cache", cacheResult + " from cloudfront")
                .with("via", via)
                .with("x-amz-cf-pop", config.edgeLocation())
                .with("x-amz-cf-id", request.requestId()));
    }
}
