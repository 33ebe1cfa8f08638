package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;

/**
 * Logs a response the viewer-request function generated itself (block, challenge): no origin or viewer-response
 * event follows it, so this is its only log record (DESIGN "The loop" 3). Must not block or throw.
 */
public interface GeneratedResponseLog {

    GeneratedResponseLog NONE = (request, response, mark) -> { };

    void generated(ViewerRequest request, CfResponse response, RequestMark mark);
}
