package io.edgeward.edge.node;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** The few JavaScript primitives the adapters need to walk and build plain JS values. */
final class JsValues {

    private JsValues() {
    }

    /** "null", "array", "object", "string", "number", "boolean" or "undefined". */
    @JSBody(params = "v", script = "return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;")
    static native String kind(JSObject v);

    @JSBody(params = "text", script = "try { return { ok: JSON.parse(text) }; } catch (e) { return { error: String(e && e.message) }; }")
    static native JSObject tryParse(String text);

    @JSBody(params = "v", script = "return JSON.stringify(v);")
    static native String stringify(JSObject v);

    @JSBody(params = {"o", "key"}, script = "return o[key];")
    static native JSObject get(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "return Object.prototype.hasOwnProperty.call(o, key);")
    static native boolean has(JSObject o, String key);

    @JSBody(params = "o", script = "return Object.keys(o);")
    static native JSObject keys(JSObject o);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    static native String stringAt(JSObject a, int i);

    @JSBody(params = "a", script = "return a.length;")
    static native int length(JSObject a);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    static native JSObject at(JSObject a, int i);

    @JSBody(params = "v", script = "return String(v);")
    static native String asString(JSObject v);

    @JSBody(params = "v", script = "return +v;")
    static native double asNumber(JSObject v);

    @JSBody(params = "v", script = "return !!v;")
    static native boolean asBoolean(JSObject v);

    @JSBody(script = "return {};")
    static native JSObject newObject();

    @JSBody(script = "return [];")
    static native JSObject newArray();

    @JSBody(params = {"o", "key", "v"}, script = "o[key] = v;")
    static native void put(JSObject o, String key, JSObject v);

    @JSBody(params = {"a", "v"}, script = "a.push(v);")
    static native void push(JSObject a, JSObject v);

    @JSBody(params = "s", script = "return s;")
    static native JSObject string(String s);

    @JSBody(params = "d", script = "return d;")
    static native JSObject number(double d);

    @JSBody(params = "b", script = "return b;")
    static native JSObject bool(boolean b);

    @JSBody(script = "return null;")
    static native JSObject nullValue();
}
