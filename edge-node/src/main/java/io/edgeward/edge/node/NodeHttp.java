package io.edgeward.edge.node;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * EdgeHttp on Node: {@code fetch} with {@code AbortSignal.timeout}. The promise chain never rejects and calls back
 * exactly once, so a failure reaches Java as {@link HttpCallback#onFailure} with a reason, never as a message-less
 * exception.
 */
public final class NodeHttp implements EdgeHttp {

    private final NodeJson json;

    public NodeHttp(NodeJson json) {
        this.json = json;
    }

    @Override
    public void post(String url, Map<String, String> headers, String body, int timeoutMillis,
            HttpCallback callback) {
        post(url, json.toJs(headers), body, timeoutMillis, callback::onResponse, callback::onFailure);
    }

    @JSFunctor
    interface OnResponse extends JSObject {
        void accept(int status, String body);
    }

    @JSFunctor
    interface OnFailure extends JSObject {
        void accept(String reason);
    }

    @JSBody(params = {"url", "headers", "body", "timeoutMs", "ok", "fail"}, script = ""
            + "var settled = false;"
            + "function once(f) { return function() { if (settled) { return; } settled = true;"
            + "  try { f.apply(null, arguments); } catch (e) { console.error('edgeward: callback failed', e); } }; }"
            + "var onOk = once(ok), onFail = once(fail);"
            + "try {"
            + "  fetch(url, { method: 'POST', headers: headers, body: body, signal: AbortSignal.timeout(timeoutMs) })"
            + "    .then(function(r) { return r.text().then(function(t) { onOk(r.status, t); }); })"
            + "    .catch(function(e) { onFail(String((e && (e.name + ': ' + e.message)) || e)); });"
            + "} catch (e) { onFail(String(e)); }")
    private static native void post(String url, JSObject headers, String body, int timeoutMs, OnResponse ok,
            OnFailure fail);
}
