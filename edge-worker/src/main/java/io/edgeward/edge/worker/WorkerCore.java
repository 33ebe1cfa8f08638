package io.edgeward.edge.worker;

import io.edgeward.edge.core.decision.EdgeResult;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The functions edgeward-core.js exports to worker.js, which owns the Worker's {@code fetch} handler and all its
 * asynchronous work (docs/cloudflare.md "How the Worker runs the policy"). Each is synchronous and never throws to
 * JavaScript: a fault becomes an {@code error} or {@code pass} value, and worker.js fails open.
 */
public final class WorkerCore {

    private static WorkerEdge edge;

    private WorkerCore() {
    }

    public static void main(String[] args) {
        // worker.js calls the exports; nothing runs at module load.
    }

    /**
     * Builds the isolate's edge from the bindings: {@code {keys: {kid: bytes}, waitMillis}} for worker.js to import the
     * keys into WebCrypto, or {@code {error}} with the reason (no secret in it).
     */
    @JSExport
    public static JSObject configure(JSObject env, JSObject host) {
        try {
            edge = new WorkerEdge(env, host);
            JSObject keys = newObject();
            edge.config.cookie().keys().forEach((kid, secret) -> putBytes(keys, kid, secret));
            JSObject out = newObject();
            put(out, "keys", keys);
            putNumber(out, "waitMillis", edge.waitMillis());
            return out;
        } catch (RuntimeException e) {
            edge = null;
            return error("edge configuration unusable: " + e.getMessage());
        }
    }

    /** {@code {kid, input}} of the request's session cookie, for worker.js to sign before {@link #decide}; or null. */
    @JSExport
    public static JSObject cookieToVerify(String cookieHeader) {
        try {
            WorkerTokenCodec.Signed signed = edge.cookieToVerify(cookieHeader);
            if (signed == null) {
                return null;
            }
            JSObject out = newObject();
            put(out, "kid", string(signed.kid()));
            put(out, "input", string(signed.input()));
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @JSExport
    public static boolean wantsBody(String method, String path) {
        return WorkerEdge.wantsBody(method, path);
    }

    @JSFunctor
    public interface Done extends JSObject {
        void accept(JSObject result);
    }

    /**
     * Runs the viewer-request policy on a CloudFront-shaped event and calls {@code done} once with
     * {@code {forward: request}}, {@code {respond: response}} or {@code {pass: reason}}; the request and response are
     * CloudFront-shaped, and may hold signature placeholders worker.js fills.
     */
    @JSExport
    public static void decide(JSObject event, Done done) {
        try {
            edge.flushDue();
            edge.decide(edge.json.objectFromJs(event), result -> done.accept(toJs(result)));
        } catch (RuntimeException e) {
            done.accept(pass("policy fault: " + e));
        }
    }

    /** Logs a forwarded request's response event; answers the Set-Cookie value for the viewer, or null. */
    @JSExport
    public static String responded(JSObject event) {
        try {
            Map<String, Object> root = edge.json.objectFromJs(event);
            return edge.responded(root);
        } catch (RuntimeException e) {
            edge.clockAndLog.warn("edgeward shipper: response not logged: " + e);
            return null;
        }
    }

    private static JSObject toJs(EdgeResult result) {
        try {
            JSObject out = newObject();
            if (result instanceof EdgeResult.Forward forward) {
                put(out, "forward", edge.json.toJs(forward.request().toJson()));
            } else if (result instanceof EdgeResult.Respond respond) {
                put(out, "respond", edge.json.toJs(respond.response().toJson()));
            } else {
                return pass(((EdgeResult.Passthrough) result).reason());
            }
            return out;
        } catch (RuntimeException e) {
            return pass("result not convertible: " + e);
        }
    }

    private static JSObject pass(String reason) {
        JSObject out = newObject();
        put(out, "pass", string(reason));
        return out;
    }

    private static JSObject error(String reason) {
        JSObject out = newObject();
        put(out, "error", string(reason));
        return out;
    }

    @JSBody(script = "return {};")
    private static native JSObject newObject();

    @JSBody(params = {"o", "key", "v"}, script = "o[key] = v;")
    private static native void put(JSObject o, String key, JSObject v);

    @JSBody(params = {"o", "key", "v"}, script = "o[key] = v;")
    private static native void putNumber(JSObject o, String key, int v);

    @JSBody(params = {"o", "key", "v"}, script = "o[key] = new Uint8Array(v.buffer, v.byteOffset, v.length);")
    private static native void putBytes(JSObject o, String key, @org.teavm.jso.JSByRef byte[] v);

    @JSBody(params = "s", script = "return s;")
    private static native JSObject string(String s);
}
