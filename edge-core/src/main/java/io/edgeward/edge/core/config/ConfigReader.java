package io.edgeward.edge.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strict, typed reads of one config section; messages name the full key ({@code protector.timeout}). */
final class ConfigReader {

    private final String path;
    private final Map<String, Object> values;

    private ConfigReader(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** A section; an absent section reads as empty (every key takes its default). */
    static ConfigReader section(String path, Object value, Set<String> allowedKeys) {
        if (value == null) {
            return new ConfigReader(path, Map.of());
        }
        if (!(value instanceof Map)) {
            throw new ConfigException(path + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        for (String key : map.keySet()) {
            if (!allowedKeys.contains(key)) {
                throw new ConfigException(name(path, key) + " is not a known key (known: " + sorted(allowedKeys) + ")");
            }
        }
        return new ConfigReader(path, map);
    }

    Object raw(String key) {
        return values.get(key);
    }

    String key(String key) {
        return name(path, key);
    }

    String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw new ConfigException(key(key) + " must be a string, was " + value);
        }
        return (String) value;
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key(key) + " is required");
        }
        return value;
    }

    long durationMillis(String key, String fallback) {
        String text = string(key, fallback);
        try {
            return IsoDuration.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key(key) + " must be an ISO-8601 duration such as PT0.1S, was " + text);
        }
    }

    boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw new ConfigException(key(key) + " must be true or false, was " + value);
        }
        return (Boolean) value;
    }

    int integer(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number) || ((Number) value).doubleValue() != ((Number) value).intValue()) {
            throw new ConfigException(key(key) + " must be a whole number, was " + value);
        }
        return ((Number) value).intValue();
    }

    List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new ConfigException(key(key) + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof String)) {
                throw new ConfigException(key(key) + " must be a list of strings, had " + item);
            }
            out.add((String) item);
        }
        return List.copyOf(out);
    }

    private static String name(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        java.util.Collections.sort(list);
        return String.join(", ", list);
    }
}
