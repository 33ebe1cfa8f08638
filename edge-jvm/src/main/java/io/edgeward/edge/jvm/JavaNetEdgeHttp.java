package io.edgeward.edge.jvm;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The EdgeHttp port with {@code java.net.http}: {@code sendAsync}, a connect timeout on the client and the caller's
 * budget on the whole exchange. Never throws; the callback runs once, on an HTTP client thread.
 */
public final class JavaNetEdgeHttp implements EdgeHttp {

    private final HttpClient client;

    public JavaNetEdgeHttp(Duration connectTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build());
    }

    public JavaNetEdgeHttp(HttpClient client) {
        this.client = client;
    }

    @Override
    public void post(String url, Map<String, String> headers, String body, int timeoutMillis, HttpCallback callback) {
        AtomicBoolean called = new AtomicBoolean();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
            headers.forEach(request::header);
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .whenComplete((response, error) -> {
                        if (!called.compareAndSet(false, true)) {
                            return;
                        }
                        if (error == null) {
                            callback.onResponse(response.statusCode(), response.body());
                        } else {
                            callback.onFailure(describe(error));
                        }
                    });
        } catch (RuntimeException e) {
            if (called.compareAndSet(false, true)) {
                callback.onFailure(describe(e));
            }
        }
    }

    // Names the failure without echoing headers or bodies (which may hold keys).
    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause != cause.getCause()
                && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }
}
