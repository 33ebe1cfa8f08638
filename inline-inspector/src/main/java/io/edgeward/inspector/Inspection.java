package io.edgeward.inspector;

import io.edgeward.emulator.EdgeEvents;
import io.edgeward.emulator.EdgeFunction;
import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request through the inspecting origin, as CloudFront would run the edge functions around an origin:
 * viewer-request policy → (generated response | application origin) → log shipper (viewer-response below 400,
 * origin-response from 400). Fails open: a fault in a function or an unusable result sends the request on as it
 * came ({@link EdgeFunction}). Only an unreachable origin becomes an error (502), which CloudFront's origin group
 * answers by failing over to the application origin itself.
 */
class Inspection {

    private static final Logger LOG = LoggerFactory.getLogger(Inspection.class);

    private final EdgeEvents events;
    private final EdgeFunctions functions;
    private final OriginProxy origin;

    Inspection(EdgeEvents events, EdgeFunctions functions, OriginProxy origin) {
        this.events = events;
        this.functions = functions;
        this.origin = origin;
    }

    /** @throws IOException when the application origin cannot be reached */
    EdgeResponse serve(EdgeRequest viewer) throws IOException {
        try {
            return inspect(viewer);
        } catch (RuntimeException e) {
            // A bug here must not cost the request: proxy it as it came, unlogged.
            LOG.error("inspection fault, proxying unchecked: requestId={}", viewer.requestId(), e);
            return origin.forward(viewer);
        }
    }

    private EdgeResponse inspect(EdgeRequest viewer) throws IOException {
        EdgeFunction.RequestStep decided = functions.viewerRequest().onRequest(events.viewerRequest(viewer), viewer);
        if (decided.generated().isPresent()) {
            // Logged by the viewer-request function itself; no further event follows (as at CloudFront).
            return decided.generated().get();
        }
        EdgeRequest request = decided.request();
        EdgeResponse fromOrigin = origin.forward(request);
        // The shipper may add headers (the session cookie); it never changes status or body.
        return functions.shipper().onResponse(events.shipperEvent(request, fromOrigin), request, fromOrigin)
                .map(shipped -> new EdgeResponse(fromOrigin.status(), fromOrigin.statusDescription(),
                        shipped.headers(), fromOrigin.body()))
                .orElse(fromOrigin);
    }
}
