package io.edgeward.edge.core.event;

import java.util.List;
import java.util.Map;

/** Tolerant reads from the plain values of the JsonCodec port: a wrong type counts as absent. */
final class JsonValues {

    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : null;
    }

    /** Strings as they are; numbers and booleans as their text (CloudFront sends status as "200"); else fallback. */
    static String text(Map<String, Object> map, String key, String fallback) {
        if (map == null) {
            return fallback;
        }
        Object value = map.get(key);
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return fallback;
    }

    static boolean bool(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Boolean ? (Boolean) value : "true".equals(value);
    }
}
