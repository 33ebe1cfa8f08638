package io.edgeward.edge.core.port;

import java.util.Map;

/**
 * Asynchronous HTTP for the edge. Implementations never throw: every fault reaches the callback as
 * {@link HttpCallback#onFailure}. The Node target answers through a promise chain; the JVM target may call back on
 * another thread.
 */
public interface EdgeHttp {

    void post(String url, Map<String, String> headers, String body, int timeoutMillis, HttpCallback callback);
}
