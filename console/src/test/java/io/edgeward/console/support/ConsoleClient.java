package io.edgeward.console.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the console can tell: java.net.http, no redirects followed, the session cookie carried by
 * hand (so tests can also replay an old one), and {@code Sec-Fetch-Site}/{@code Origin} sent like a browser would on
 * a same-origin form.
 */
public final class ConsoleClient {

    public static final String COOKIE = "__Host-ew-console";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile(COOKIE + "=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String host;
    public String session;

    public ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.host = "127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://" + host));
    }

    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Signs in with the token; keeps and returns the session cookie's value. */
    public HttpResponse<String> login(String token) {
        HttpResponse<String> response = post("/console/login", Map.of("token", token));
        response.headers().firstValue("Set-Cookie").ifPresent(c -> {
            Matcher m = SET_COOKIE.matcher(c);
            if (m.find()) {
                session = m.group(1);
            }
        });
        return response;
    }

    /** The CSRF token of the page at {@code path}, as its forms carry it. */
    public String csrf(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no csrf field on " + path);
        }
        return m.group(1);
    }

    /** A form with this session's CSRF token added. */
    public Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf("/console/decisions"));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        if (session != null) {
            request.header("Cookie", COOKIE + "=" + session);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
