package io.edgeward.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request through the inspecting origin, as CloudFront would run the edge functions around an origin:
 * viewer-request policy → (generated response | application origin) → log shipper (viewer-response below 400,
 * origin-response from 400). Fails open: a fault in a function or an unusable result sends the request on as it
 * came. Only an unreachable origin becomes an error (502), which CloudFront's origin group answers by failing over
 * to the application origin itself.
 */
class Inspection {

    private static final Logger LOG = LoggerFactory.getLogger(Inspection.class);

    private final CloudFrontEvents events;
    private final EdgeFunctions functions;
    private final OriginProxy origin;

    Inspection(CloudFrontEvents events, EdgeFunctions functions, OriginProxy origin) {
        this.events = events;
        this.functions = functions;
        this.origin = origin;
    }

    /** @throws IOException when the application origin cannot be reached */
    InspectedResponse serve(InspectedRequest viewer) throws IOException {
        try {
            return inspect(viewer);
        } catch (RuntimeException e) {
            // A bug here must not cost the request: proxy it as it came, unlogged.
            LOG.error("inspection fault, proxying unchecked: requestId={}", viewer.requestId(), e);
            return origin.forward(viewer);
        }
    }

    private InspectedResponse inspect(InspectedRequest viewer) throws IOException {
        InspectedRequest request = viewer;
        Optional<JsonNode> decided = functions.viewerRequest(events.viewerRequest(viewer));
        if (decided.isPresent()) {
            try {
                if (CloudFrontEvents.isGeneratedResponse(decided.get())) {
                    // Logged by the viewer-request function itself; no further event follows (as at CloudFront).
                    return CloudFrontEvents.readResponse(decided.get(), null);
                }
                request = CloudFrontEvents.readRequest(decided.get(), viewer);
            } catch (RuntimeException e) {
                LOG.warn("unusable viewer-request result, failing open: requestId={} error={}", viewer.requestId(),
                        e.toString());
                request = viewer;
            }
        }
        InspectedResponse fromOrigin = origin.forward(request);
        InspectedRequest logged = request;
        return functions.shipper(events.response(request, fromOrigin))
                .flatMap(result -> {
                    try {
                        InspectedResponse shipped = CloudFrontEvents.readResponse(result, fromOrigin);
                        // The shipper may add headers (the session cookie); it never changes status or body.
                        return Optional.of(new InspectedResponse(fromOrigin.status(), shipped.headers(),
                                fromOrigin.body()));
                    } catch (RuntimeException e) {
                        LOG.warn("unusable shipper result, serving the origin's response: requestId={} error={}",
                                logged.requestId(), e.toString());
                        return Optional.empty();
                    }
                })
                .orElse(fromOrigin);
    }
}
