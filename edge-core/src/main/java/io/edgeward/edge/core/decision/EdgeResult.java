package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;

/** What the viewer-request function returns to CloudFront. */
public sealed interface EdgeResult permits EdgeResult.Forward, EdgeResult.Respond, EdgeResult.Passthrough {

    /** Forward the (possibly modified) request to the cache and origin. */
    record Forward(CfRequest request, RequestMark mark) implements EdgeResult {
    }

    /** Answer the viewer with a generated response (block, challenge). */
    record Respond(CfResponse response, RequestMark mark) implements EdgeResult {
    }

    /** A fault inside the policy: forward the original request unchanged (fail open). {@code reason} is loggable. */
    record Passthrough(String reason) implements EdgeResult {
    }
}
