package io.edgeward.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * One viewer of the local front: a client IP (sent as X-Forwarded-For, which test stacks trust), a user agent with
 * browser headers, and the session cookie the edge gave it, if any, kept as a browser would.
 */
final class Visitor {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int frontPort;
    private final String ip;
    private final String userAgent;
    private String cookie;
    private final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

    Visitor(int frontPort, String ip, String userAgent) {
        this.frontPort = frontPort;
        this.ip = ip;
        this.userAgent = userAgent;
    }

    static Visitor browser(LocalStack stack, String ip) {
        return new Visitor(stack.frontPort(), ip, FIREFOX);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The cookie value last set by the edge (the JWS), if any. */
    Optional<String> cookie() {
        return Optional.ofNullable(cookie);
    }

    Visitor withCookie(String value) {
        this.cookie = value;
        return this;
    }

    /** Sends this header with every request (replacing a default one, e.g. Accept), or the front's test headers. */
    Visitor header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontPort + pathAndQuery))
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.5")
                .header("Accept-Encoding", "identity")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Site", "none")
                .header("X-Forwarded-For", ip);
        extraHeaders.forEach(builder::setHeader);
        if (cookie != null) {
            builder.header("Cookie", SessionCookies.NAME + "=" + cookie);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            SessionCookies.fromResponse(response).ifPresent(value -> cookie = value);
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
