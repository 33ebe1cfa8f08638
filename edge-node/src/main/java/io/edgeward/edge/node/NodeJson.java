package io.edgeward.edge.node;

import io.edgeward.edge.core.port.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;

/** JsonCodec on Node: {@code JSON.parse} and {@code JSON.stringify}, converting to and from plain Java values. */
public final class NodeJson implements JsonCodec {

    @Override
    public Map<String, Object> parseObject(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        JSObject result = JsValues.tryParse(json);
        if (JsValues.has(result, "error")) {
            throw new IllegalArgumentException("malformed JSON: " + JsValues.asString(JsValues.get(result, "error")));
        }
        return objectFromJs(JsValues.get(result, "ok"));
    }

    /**
     * Converts a JS object (a Lambda event) straight to a map, without a round trip through JSON text; throws
     * {@link IllegalArgumentException} when the value is not an object.
     */
    public Map<String, Object> objectFromJs(JSObject value) {
        if (!"object".equals(JsValues.kind(value))) {
            throw new IllegalArgumentException("JSON is not an object");
        }
        return toMap(value);
    }

    @Override
    public String write(Object value) {
        return JsValues.stringify(toJs(value));
    }

    /** Converts a JS value (an event, a parsed document) to Map/List/String/Double/Boolean/null. */
    public Object fromJs(JSObject value) {
        switch (JsValues.kind(value)) {
            case "object":
                return toMap(value);
            case "array":
                int length = JsValues.length(value);
                List<Object> list = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    list.add(fromJs(JsValues.at(value, i)));
                }
                return list;
            case "string":
                return JsValues.asString(value);
            case "number":
                return JsFraction.of(JsValues.asNumber(value));
            case "boolean":
                return JsValues.asBoolean(value);
            default:
                return null;
        }
    }

    /** Converts Map/List/String/Number/Boolean/null to the equivalent JS value. */
    @SuppressWarnings("unchecked")
    public JSObject toJs(Object value) {
        if (value == null) {
            return JsValues.nullValue();
        }
        if (value instanceof String s) {
            return JsValues.string(s);
        }
        if (value instanceof Number n) {
            return JsValues.number(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return JsValues.bool(b);
        }
        if (value instanceof Map<?, ?> map) {
            JSObject object = JsValues.newObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsValues.put(object, String.valueOf(entry.getKey()), toJs(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            JSObject array = JsValues.newArray();
            for (Object item : list) {
                JsValues.push(array, toJs(item));
            }
            return array;
        }
        return JsValues.string(String.valueOf(value));
    }

    private Map<String, Object> toMap(JSObject object) {
        JSObject keys = JsValues.keys(object);
        int size = JsValues.length(keys);
        // Sized to its content: most event objects hold one to three keys, and TeaVM allocates the whole table.
        Map<String, Object> map = new LinkedHashMap<>(size * 4 / 3 + 1);
        for (int i = 0; i < size; i++) {
            String key = JsValues.stringAt(keys, i);
            map.put(key, fromJs(JsValues.get(object, key)));
        }
        return map;
    }
}
