package io.edgeward.local.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One simulated client: its address (sent as {@code X-Forwarded-For}), user agent, browser headers and its own
 * cookie jar. {@code java.net}'s CookieManager withholds {@code Secure} cookies over plain HTTP, and the session
 * cookie ({@code __Host-ew}) is always Secure, so the jar here keeps name=value pairs itself. Records how many
 * requests it sent and the request at which the edge first challenged or blocked it.
 */
final class SimulatedVisitor {

    private final HttpClient http;
    private final URI front;
    private final String ip;
    private final String userAgent;
    private final boolean keepsCookies;
    private final boolean browserHeaders;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private int requests;
    private int firstActionAt;
    private long firstRequestNanos;
    private long firstActionMillis = -1;
    private String firstAction;

    SimulatedVisitor(HttpClient http, URI front, String ip, String userAgent, boolean keepsCookies,
                     boolean browserHeaders) {
        this.http = http;
        this.front = front;
        this.ip = ip;
        this.userAgent = userAgent;
        this.keepsCookies = keepsCookies;
        this.browserHeaders = browserHeaders;
    }

    /** GET a path; returns the status (0 when the front could not be reached). */
    int get(String path, String accept) {
        return send(request(path, accept).GET().build());
    }

    int post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A page and the assets a browser would load with it. */
    int page(String path, List<String> assets) {
        int status = get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (status == 200) {
            for (String asset : assets) {
                get(asset, asset.endsWith(".css") ? "text/css,*/*;q=0.1" : "*/*");
            }
        }
        return status;
    }

    boolean stopped() {
        return "block".equals(firstAction) || "challenge".equals(firstAction);
    }

    int requests() {
        return requests;
    }

    String firstAction() {
        return firstAction;
    }

    int firstActionAt() {
        return firstActionAt;
    }

    /** Wall time from this visitor's first request to its first challenge or block; -1 if none. */
    long firstActionMillis() {
        return firstActionMillis;
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(front.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", ip)
                .header("User-Agent", userAgent)
                .header("Accept", accept);
        if (browserHeaders) {
            b.header("Accept-Language", "en-GB,en;q=0.9").header("Accept-Encoding", "gzip, deflate, br");
        }
        if (keepsCookies && !cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private int send(HttpRequest request) {
        if (requests++ == 0) {
            firstRequestNanos = System.nanoTime();
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        for (String setCookie : response.headers().allValues("set-cookie")) {
            int eq = setCookie.indexOf('=');
            int end = setCookie.indexOf(';');
            if (eq > 0) {
                cookies.put(setCookie.substring(0, eq).trim(),
                        setCookie.substring(eq + 1, end < 0 ? setCookie.length() : end).trim());
            }
        }
        response.headers().firstValue("x-edgeward-action").ifPresent(action -> {
            if (firstAction == null && ("challenge".equals(action) || "block".equals(action))) {
                firstAction = action;
                firstActionAt = requests;
                firstActionMillis = (System.nanoTime() - firstRequestNanos) / 1_000_000;
            }
        });
        return response.statusCode();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
