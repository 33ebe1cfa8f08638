package io.edgeward.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headers as a Lambda@Edge event carries them: keyed by lowercase name, each a list of {key, value} with the name
 * as it appeared on the wire. Immutable; the "with" methods return copies. (Not edge-core's {@code CfHeaders}, which
 * reads the same shape from a parsed event inside the edge policy; this one is the emulator's, on Jackson.)
 */
public final class EventHeaders {

    /** One header line: {@code key} is the wire spelling, {@code value} the value. */
    public record Header(String key, String value) {
    }

    private final Map<String, List<Header>> byName;

    private EventHeaders(Map<String, List<Header>> byName) {
        this.byName = byName;
    }

    public static EventHeaders empty() {
        return new EventHeaders(Map.of());
    }

    /** From wire headers (any case); null names (a JDK status line) are skipped. */
    public static EventHeaders fromWire(Map<String, List<String>> wire) {
        Map<String, List<Header>> map = new LinkedHashMap<>();
        wire.forEach((name, values) -> {
            if (name == null || name.startsWith(":")) {
                return;
            }
            List<Header> list = map.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            for (String value : values) {
                list.add(new Header(name, value));
            }
        });
        return freeze(map);
    }

    /**
     * From the {@code headers} object of an event or a function result. A missing {@code key} gets the name in
     * initial capitals, as Lambda@Edge inserts it.
     */
    public static EventHeaders fromJson(JsonNode headers) {
        Map<String, List<Header>> map = new LinkedHashMap<>();
        if (headers == null || !headers.isObject()) {
            return empty();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            List<Header> list = map.computeIfAbsent(name, k -> new ArrayList<>());
            for (JsonNode entry : field.getValue()) {
                JsonNode key = entry.get("key");
                JsonNode value = entry.get("value");
                if (value != null && !value.isNull()) {
                    list.add(new Header(key == null || key.isNull() ? canonical(name) : key.asText(), value.asText()));
                }
            }
        }
        return freeze(map);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        byName.forEach((name, list) -> {
            ArrayNode array = node.putArray(name);
            list.forEach(h -> array.addObject().put("key", h.key()).put("value", h.value()));
        });
        return node;
    }

    public Optional<String> first(String name) {
        List<Header> list = byName.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0).value());
    }

    public List<Header> all(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public Map<String, List<Header>> asMap() {
        return byName;
    }

    public boolean contains(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Replaces every value of {@code name} with one. */
    public EventHeaders with(String name, String value) {
        Map<String, List<Header>> map = new LinkedHashMap<>(byName);
        map.put(name.toLowerCase(Locale.ROOT), List.of(new Header(canonical(name), value)));
        return freeze(map);
    }

    public EventHeaders without(String name) {
        return withoutAll(Set.of(name.toLowerCase(Locale.ROOT)));
    }

    /** Without the given lowercase names. */
    public EventHeaders withoutAll(Set<String> lowercaseNames) {
        Map<String, List<Header>> map = new LinkedHashMap<>(byName);
        map.keySet().removeIf(lowercaseNames::contains);
        return freeze(map);
    }

    /** Without every header whose lowercase name starts with {@code prefix}. */
    public EventHeaders withoutPrefix(String prefix) {
        Map<String, List<Header>> map = new LinkedHashMap<>(byName);
        map.keySet().removeIf(name -> name.startsWith(prefix));
        return freeze(map);
    }

    /** "x-edgeward-mark" becomes "X-Edgeward-Mark", as Lambda@Edge spells inserted keys. */
    public static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private static EventHeaders freeze(Map<String, List<Header>> map) {
        Map<String, List<Header>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        return new EventHeaders(Collections.unmodifiableMap(copy));
    }

    @Override
    public String toString() {
        return "EventHeaders" + byName.keySet();
    }
}
