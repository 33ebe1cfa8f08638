package io.edgeward.inspector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
    InspectedResponse forward(InspectedRequest request) throws IOException {
        URI target = URI.create(base + request.uri()
                + (request.querystring().isEmpty() ? "" : "?" + request.querystring()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Header header : request.headers()) {
            if (header.forwardable()) {
                try {
                    builder.header(header.name(), header.value());
                } catch (IllegalArgumentException e) {
                    // A header java.net.http restricts or refuses (e.g. a control character): not forwarded.
                }
            }
        }
        String host = Header.first(request.headers(), "host");
        if (host != null && Header.first(request.headers(), "x-forwarded-host") == null) {
            builder.header("X-Forwarded-Host", host);
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<Header> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
                if (Header.forwardable(entry.getKey())) {
                    entry.getValue().forEach(value -> headers.add(new Header(entry.getKey(), value)));
                }
            }
            return new InspectedResponse(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the origin", e);
        }
    }
}
