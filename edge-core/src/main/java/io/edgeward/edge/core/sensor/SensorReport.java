package io.edgeward.edge.core.sensor;

import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.text.Utf8;
import java.util.Map;

/**
 * Reads a report body (the page posts JSON as {@code text/plain}, so no CORS preflight is needed; the edge reads it
 * whatever the content type). What the signals mean is Protector's to judge; the edge only needs a bounded JSON
 * object with a nonce.
 */
final class SensorReport {

    private SensorReport() {
    }

    /** The report as a mutable map, or null when the body is missing, truncated, too large or not a JSON object. */
    static Map<String, Object> read(CfRequest request, JsonCodec json, int maxBytes) {
        RequestBody body = request.body();
        if (body == null || body.data().isEmpty() || body.inputTruncated()
                || body.data().length() > maxBytes * 4 / 3 + 4) {
            return null;
        }
        byte[] bytes = body.bytes();
        if (bytes == null || bytes.length > maxBytes) {
            return null;
        }
        try {
            Map<String, Object> report = json.parseObject(Utf8.decode(bytes));
            return new java.util.LinkedHashMap<>(report);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }
}
