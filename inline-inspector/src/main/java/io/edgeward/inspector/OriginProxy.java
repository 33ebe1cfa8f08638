package io.edgeward.inspector;

import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forwards a request to the application origin with java.net.http and returns its whole response. Redirects are
 * passed back, not followed. The viewer's Host goes as X-Forwarded-Host (java.net.http sets Host to the origin's).
 */
class OriginProxy {

    /** The origin's URL without a trailing slash: request paths start with one. */
    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    OriginProxy(URI origin, Duration timeout) {
        String url = origin.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** @throws IOException when the origin cannot be reached or does not answer in time */
    EdgeResponse forward(EdgeRequest request) throws IOException {
        URI target = URI.create(base + request.pathAndQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().asMap().forEach((name, values) -> {
            if (ForwardedHeaders.forwardable(name)) {
                for (EventHeaders.Header header : values) {
                    try {
                        builder.header(header.key(), header.value());
                    } catch (IllegalArgumentException e) {
                        // A header java.net.http restricts or refuses (e.g. a control character): not forwarded.
                    }
                }
            }
        });
        request.headers().first("host").ifPresent(host -> {
            if (!request.headers().contains("x-forwarded-host")) {
                builder.header("X-Forwarded-Host", host);
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (ForwardedHeaders.forwardable(name)) {
                    headers.put(name, values);
                }
            });
            return new EdgeResponse(response.statusCode(), "", EventHeaders.fromWire(headers), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the origin", e);
        }
    }
}
