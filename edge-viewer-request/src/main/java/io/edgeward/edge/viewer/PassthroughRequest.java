package io.edgeward.edge.viewer;

import io.edgeward.edge.core.event.CfEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the function returns when it fails open: the event's request as received, read without the event model. */
final class PassthroughRequest {

    private PassthroughRequest() {
    }

    /** The event's request object minus viewer-sent x-edgeward-* headers, or null when there is none. */
    static Map<String, Object> of(Map<String, Object> root) {
        return unspoofed(CfEvent.rawRequest(root));
    }

    /**
     * The request as received, minus any x-edgeward-* headers the viewer sent: even when failing open, the origin
     * and the log shipper must not take a viewer's own marks for ours.
     */
    static Map<String, Object> unspoofed(Map<String, Object> request) {
        if (request == null || !(request.get("headers") instanceof Map)) {
            return request;
        }
        Map<?, ?> headers = (Map<?, ?>) request.get("headers");
        Map<Object, Object> kept = new LinkedHashMap<>();
        boolean stripped = false;
        for (Map.Entry<?, ?> header : headers.entrySet()) {
            String name = String.valueOf(header.getKey()).toLowerCase(Locale.ROOT);
            if (name.startsWith("x-edgeward-")) {
                stripped = true;
            } else {
                kept.put(header.getKey(), header.getValue());
            }
        }
        if (!stripped) {
            return request;
        }
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put("headers", kept);
        return copy;
    }
}
