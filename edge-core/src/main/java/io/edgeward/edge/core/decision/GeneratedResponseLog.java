package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;

/**
 * Logs a response the viewer-request function generated itself (block, challenge): no origin or viewer-response
 * event follows it, so this is its only log record (DESIGN "The loop" 3). Must not block or throw.
 */
public interface GeneratedResponseLog {

    GeneratedResponseLog NONE = (request, response, mark) -> { };

    void generated(ViewerRequest request, CfResponse response, RequestMark mark);

    /**
     * A generated response as the function's answer, logged on {@code log} first: a logging fault is reported on
     * {@code ports}' log and never costs the viewer the answer.
     */
    static EdgeResult respond(GeneratedResponseLog log, EdgePorts ports, ViewerRequest request, CfResponse response,
                              RequestMark mark) {
        try {
            log.generated(request, response, mark);
        } catch (RuntimeException logFault) {
            ports.log().warn("could not log a generated response: " + logFault);
        }
        return new EdgeResult.Respond(response, mark);
    }
}
