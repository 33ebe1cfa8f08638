package io.edgeward.edge.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** The few JavaScript property accesses the Worker adapters need. */
final class JsAccess {

    private JsAccess() {
    }

    @JSBody(params = {"o", "key"}, script = "return o != null && Object.prototype.hasOwnProperty.call(o, key);")
    static native boolean has(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "return o[key];")
    static native JSObject get(JSObject o, String key);

    /** A string property, or null when absent or not a string. */
    @JSBody(params = {"o", "key"}, script = "var v = o == null ? undefined : o[key];"
            + " return typeof v === 'string' ? v : null;")
    static native String string(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "var v = o == null ? undefined : o[key];"
            + " return v !== null && typeof v === 'object' && !Array.isArray(v);")
    static native boolean isObject(JSObject o, String key);
}
