package io.edgeward.edge.node;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * EdgeHttp on Node: {@code node:http} / {@code node:https} with one keep-alive agent per scheme, both loaded on the
 * first call to their scheme. Not {@code fetch}: loading undici on first use added about 46 ms to a cold Node 22
 * process, {@code node:http} about 13 ms (docs/benchmarks/edge-node.md), and a request the cookie settles loads
 * neither. Kept-alive sockets are unref'd by Node's agent, so they never keep a process or a Lambda environment busy.
 *
 * <p>{@code timeoutMillis} bounds the whole exchange (connect, send, the full response body), as
 * {@code AbortSignal.timeout} did: on expiry the request is destroyed and the call fails with {@code TimeoutError}.
 * A kept-alive socket the server closed while the environment was frozen fails with {@code ECONNRESET} before any
 * response; that one case is retried once on a fresh socket, inside the same deadline (Node's documented pattern).
 * Nothing here rejects or throws: the callback is called exactly once, with a reason on failure.
 */
public final class NodeHttp implements EdgeHttp {

    private final NodeJson json;
    private JSObject http;
    private JSObject https;

    public NodeHttp(NodeJson json) {
        this.json = json;
    }

    @Override
    public void post(String url, Map<String, String> headers, String body, int timeoutMillis,
            HttpCallback callback) {
        JSObject transport = transportFor(url);
        if (transport == null) {
            callback.onFailure("no HTTP client for " + schemeOf(url));
            return;
        }
        post(transport, url, json.toJs(headers), body, timeoutMillis, callback::onResponse, callback::onFailure);
    }

    private JSObject transportFor(String url) {
        if (url != null && url.regionMatches(true, 0, "https:", 0, 6)) {
            if (https == null) {
                https = transport("https");
            }
            return https;
        }
        if (http == null) {
            http = transport("http");
        }
        return http;
    }

    private static String schemeOf(String url) {
        int colon = url == null ? -1 : url.indexOf(':');
        return colon < 0 ? "a URL without a scheme" : url.substring(0, colon);
    }

    @JSFunctor
    interface OnResponse extends JSObject {
        void accept(int status, String body);
    }

    @JSFunctor
    interface OnFailure extends JSObject {
        void accept(String reason);
    }

    /**
     * The scheme's module and its one keep-alive agent; null when Node cannot load it. An idle socket is closed after
     * 20 s, before the usual 30 s idle timeouts of servers and load balancers: after a freeze, the agent's timer
     * fires before the next invocation's request, which then opens a fresh connection instead of meeting a reset.
     */
    @JSBody(params = "scheme", script = "try { var m = require('node:' + scheme);"
            + " return { request: m.request, agent: new m.Agent({ keepAlive: true, timeout: 20000 }) };"
            + " } catch (e) { return null; }")
    private static native JSObject transport(String scheme);

    @JSBody(params = {"transport", "url", "headers", "body", "timeoutMs", "ok", "fail"}, script = ""
            + "var settled = false, current = null, timer = null;"
            + "function once(f) { return function() { if (settled) { return; } settled = true;"
            + "  if (timer) { clearTimeout(timer); }"
            + "  try { f.apply(null, arguments); } catch (e) { console.error('edgeward: callback failed', e); } }; }"
            + "var onOk = once(ok), onFail = once(fail);"
            + "function reason(e) { return String((e && (e.code || e.name) && ((e.code || e.name) + ': ' + e.message))"
            + "  || e); }"
            + "function attempt(mayRetry) {"
            + "  var options = { method: 'POST', agent: transport.agent, headers: Object.assign({}, headers,"
            + "    { 'content-length': String(Buffer.byteLength(body, 'utf8')) }) };"
            + "  var req = transport.request(url, options, function(res) {"
            + "    var text = ''; res.setEncoding('utf8');"
            + "    res.on('data', function(chunk) { text += chunk; });"
            + "    res.on('end', function() { onOk(res.statusCode, text); });"
            + "    res.on('error', function(e) { onFail(reason(e)); });"
            + "    res.on('aborted', function() { onFail('ECONNRESET: response aborted'); });"
            + "  });"
            + "  current = req;"
            + "  req.on('error', function(e) {"
            + "    if (mayRetry && !settled && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) {"
            + "      attempt(false); return; }"
            + "    onFail(reason(e)); });"
            + "  req.end(body);"
            + "}"
            + "try {"
            + "  timer = setTimeout(function() { onFail('TimeoutError: no response within ' + timeoutMs + ' ms');"
            + "    if (current) { current.destroy(); } }, timeoutMs);"
            + "  if (timer.unref) { timer.unref(); }"
            + "  attempt(true);"
            + "} catch (e) { onFail(String(e)); if (current) { current.destroy(); } }")
    private static native void post(JSObject transport, String url, JSObject headers, String body, int timeoutMs,
            OnResponse ok, OnFailure fail);
}
