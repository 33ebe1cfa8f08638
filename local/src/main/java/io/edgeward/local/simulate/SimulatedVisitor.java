package io.edgeward.local.simulate;

import java.io.ByteArrayInputStream;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * One simulated client: its address (sent as {@code X-Forwarded-For}; fixed, or a new one per request for an
 * address-rotating bot), user agent, browser headers and its own cookie jar. {@code java.net}'s CookieManager
 * withholds {@code Secure} cookies over plain HTTP, and the session cookie ({@code __Host-ew}) is always Secure, so
 * the jar here keeps name=value pairs itself and sends them to {@code http://127.0.0.1} as a browser does. Records
 * how many requests it sent, the request at which the edge first challenged or blocked it, and every answer in its
 * class's {@link Timeline} when it has one. Paths are appended to the front's URL as they are, never resolved, so
 * dot segments and encoded characters reach the front unchanged.
 */
final class SimulatedVisitor {

    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http;
    private final String front;
    private final Supplier<String> address;
    private final String userAgent;
    private final boolean keepsCookies;
    private final boolean browserHeaders;
    private final Timeline timeline;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private int requests;
    private int firstActionAt;
    private long firstRequestNanos;
    private long firstActionMillis = -1;
    private String firstAction;

    SimulatedVisitor(HttpClient http, URI front, String ip, String userAgent, boolean keepsCookies,
                     boolean browserHeaders) {
        this(http, front, () -> ip, userAgent, keepsCookies, browserHeaders, null);
    }

    SimulatedVisitor(HttpClient http, URI front, Supplier<String> address, String userAgent, boolean keepsCookies,
                     boolean browserHeaders, Timeline timeline) {
        this.http = http;
        String base = front.toString();
        this.front = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.address = address;
        this.userAgent = userAgent;
        this.keepsCookies = keepsCookies;
        this.browserHeaders = browserHeaders;
        this.timeline = timeline;
    }

    /** One answer of the front: its status (0 when the front could not be reached), edge action and body. */
    record Answer(int status, String action, String body) {
        boolean mitigated() {
            return "challenge".equals(action) || "block".equals(action);
        }
    }

    /** GET a path; returns the status (0 when the front could not be reached). */
    int get(String path, String accept) {
        return fetch(path, accept).status();
    }

    Answer fetch(String path, String accept) {
        return send(request(path, accept).GET().build(), Timeline.Kind.of(path));
    }

    int post(String path, Map<String, String> form) {
        return postForm(path, form, "text/html").status();
    }

    Answer postForm(String path, Map<String, String> form, String accept) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), Timeline.Kind.of(path));
    }

    Answer postJson(String path, String json) {
        return send(request(path, "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), Timeline.Kind.of(path));
    }

    /** A page and the assets a browser would load with it. */
    int page(String path, List<String> assets) {
        return pageAnswer(path, assets).status();
    }

    Answer pageAnswer(String path, List<String> assets) {
        Answer answer = fetch(path, HTML);
        if (answer.status() == 200) {
            for (String asset : assets) {
                get(asset, asset.endsWith(".css") ? "text/css,*/*;q=0.1" : "*/*");
            }
        }
        return answer;
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

    /** The session cookie's value, or null. */
    String sessionCookie() {
        return cookies.get(SessionClaims.COOKIE);
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(front + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", address.get())
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

    private Answer send(HttpRequest request, Timeline.Kind kind) {
        if (requests++ == 0) {
            firstRequestNanos = System.nanoTime();
        }
        HttpResponse<byte[]> response;
        String body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            body = text(response);
        } catch (IOException e) {
            return record(kind, new Answer(0, null, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "");
        }
        if (keepsCookies) {
            for (String setCookie : response.headers().allValues("set-cookie")) {
                int eq = setCookie.indexOf('=');
                int end = setCookie.indexOf(';');
                if (eq > 0) {
                    cookies.put(setCookie.substring(0, eq).trim(),
                            setCookie.substring(eq + 1, end < 0 ? setCookie.length() : end).trim());
                }
            }
        }
        String action = response.headers().firstValue("x-edgeward-action").orElse(null);
        if (firstAction == null && ("challenge".equals(action) || "block".equals(action))) {
            firstAction = action;
            firstActionAt = requests;
            firstActionMillis = (System.nanoTime() - firstRequestNanos) / 1_000_000;
        }
        return record(kind, new Answer(response.statusCode(), action, body));
    }

    private Answer record(Timeline.Kind kind, Answer answer) {
        if (timeline != null) {
            timeline.record(kind, answer.status(), answer.action());
        }
        return answer;
    }

    /** The body as text; gzip is undone as a browser would (it sends Accept-Encoding: gzip). */
    private static String text(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        if (response.headers().firstValue("content-encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
