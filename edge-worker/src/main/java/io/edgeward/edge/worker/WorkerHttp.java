package io.edgeward.edge.worker;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import io.edgeward.edge.node.NodeJson;
import java.util.Map;
import org.teavm.jso.JSObject;

/**
 * EdgeHttp on Workers: worker.js's {@code host.post}, a {@code fetch} with {@code AbortSignal.timeout} whose promise
 * never rejects and is handed to the current request's {@code ctx.waitUntil}, so a log batch sent while answering
 * one request completes after the response has gone.
 */
final class WorkerHttp implements EdgeHttp {

    private final NodeJson json;
    private final JSObject host;

    WorkerHttp(NodeJson json, JSObject host) {
        this.json = json;
        this.host = host;
    }

    @Override
    public void post(String url, Map<String, String> headers, String body, int timeoutMillis,
            HttpCallback callback) {
        WorkerHost.post(host, url, json.toJs(headers), body, timeoutMillis, callback::onResponse,
                callback::onFailure);
    }
}
