package io.edgeward.edge.core.shipper;

import io.edgeward.edge.core.port.JsonCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ingest's 400 answer for a batch with invalid records:
 * {@code {"error":"invalid_records","detail":"…","records":[{"index":0,"line":1,"errors":["…"]}]}}.
 */
final class InvalidRecords {

    private InvalidRecords() {
    }

    /** The 0-based indices ingest named, within {@code [0, batchSize)}; empty when the body names none. */
    static Set<Integer> indices(String body, JsonCodec json, int batchSize) {
        Set<Integer> indices = new HashSet<>();
        if (body == null || body.isEmpty()) {
            return indices;
        }
        Object records;
        try {
            records = json.parseObject(body).get("records");
        } catch (RuntimeException notJson) {
            return indices;
        }
        if (!(records instanceof List)) {
            return indices;
        }
        for (Object record : (List<?>) records) {
            Object index = record instanceof Map ? ((Map<?, ?>) record).get("index") : null;
            if (index instanceof Number) {
                double value = ((Number) index).doubleValue();
                if (value >= 0 && value < batchSize && value == Math.floor(value)) {
                    indices.add((int) value);
                }
            }
        }
        return indices;
    }
}
