package io.edgeward.edge.worker;

import io.edgeward.edge.node.NodeJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * A CloudFront-shaped event from worker.js into plain Java values, as {@link NodeJson#objectFromJs} makes them but
 * cheaper on the request path: a value's kind crosses as a number, not as a string to hash and compare, and each
 * object's keys and values cross in one array. An event holds only objects, arrays, strings and booleans; anything
 * else (a number) is left to NodeJson, so the values are the same.
 */
final class EventFromJs {

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int ARRAY = 2;
    private static final int OBJECT = 3;
    private static final int BOOLEAN = 4;

    private final NodeJson json;

    EventFromJs(NodeJson json) {
        this.json = json;
    }

    /** Throws {@link IllegalArgumentException} when the value is not an object, as NodeJson does. */
    Map<String, Object> objectFromJs(JSObject value) {
        if (kind(value) != OBJECT) {
            throw new IllegalArgumentException("JSON is not an object");
        }
        return toMap(value);
    }

    private Object fromJs(JSObject value) {
        switch (kind(value)) {
            case NULL:
                return null;
            case STRING:
                return asString(value);
            case ARRAY:
                int length = length(value);
                List<Object> list = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    list.add(fromJs(at(value, i)));
                }
                return list;
            case OBJECT:
                return toMap(value);
            case BOOLEAN:
                return asBoolean(value);
            default:
                return json.fromJs(value);
        }
    }

    private Map<String, Object> toMap(JSObject object) {
        JSObject entries = entries(object);
        int size = length(entries) / 2;
        // Sized to its content: most event objects hold one to three keys, and TeaVM allocates the whole table.
        Map<String, Object> map = new LinkedHashMap<>(size * 4 / 3 + 1);
        for (int i = 0; i < size; i++) {
            map.put(stringAt(entries, 2 * i), fromJs(at(entries, 2 * i + 1)));
        }
        return map;
    }

    /** As NodeJson's kinds: null and undefined are {@link #NULL}; a number is 5, a function or symbol 6. */
    @JSBody(params = "v", script = "return v === null || v === undefined ? 0 : typeof v === 'string' ? 1"
            + " : Array.isArray(v) ? 2 : typeof v === 'object' ? 3 : typeof v === 'boolean' ? 4"
            + " : typeof v === 'number' ? 5 : 6;")
    private static native int kind(JSObject v);

    /** {@code [key, value, key, value, ...]} of the object's own enumerable properties, in Object.keys order. */
    @JSBody(params = "o", script = "var keys = Object.keys(o); var out = new Array(keys.length * 2);"
            + " for (var i = 0; i < keys.length; i++) { out[2 * i] = keys[i]; out[2 * i + 1] = o[keys[i]]; }"
            + " return out;")
    private static native JSObject entries(JSObject o);

    @JSBody(params = "a", script = "return a.length;")
    private static native int length(JSObject a);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    private static native JSObject at(JSObject a, int i);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    private static native String stringAt(JSObject a, int i);

    @JSBody(params = "v", script = "return v;")
    private static native String asString(JSObject v);

    @JSBody(params = "v", script = "return !!v;")
    private static native boolean asBoolean(JSObject v);
}
