package io.edgeward.edge.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Configuration and events shared by the Node bundle tests; events come from the AWS documentation samples. */
final class EdgeFixtures {

    static final String KEY_1 = b64("0123456789abcdef0123456789abcdef");
    static final String FOREIGN_KEY = b64("fedcba9876543210fedcba9876543210");

    private EdgeFixtures() {
    }

    static Map<String, Object> config(String protectorUrl, String ingestUrl, String timeout) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cookie", Map.of("name", "__Host-ew", "lifetime", "PT24H", "keys", Map.of("k1", KEY_1),
                "signingKey", "k1"));
        root.put("checkInterval", Map.of("initial", "PT5S", "max", "PT60S"));
        root.put("mode", "mitigate");
        root.put("routes", List.of(Map.of("pathPrefix", "/api/", "mode", "inject"),
                Map.of("pathPrefix", "/watch/", "mode", "monitor")));
        root.put("exclude", Map.of("pathPrefixes", List.of("/.well-known/"), "extensions", List.of("css")));
        root.put("protector", Map.of("url", protectorUrl, "apiKey", FakeProtector.KEY, "timeout", timeout,
                "breaker", Map.of("failures", 3, "open", "PT30S")));
        root.put("ingest", Map.of("url", ingestUrl, "apiKey", FakeIngest.KEY, "batchSize", 1, "maxAge", "PT2S",
                "queueLimit", 100, "timeout", "PT1S"));
        root.put("challenge", Map.of("provider", "pow", "difficulty", 18));
        return root;
    }

    /** Same configuration signed by another key: its cookies are foreign to {@link #config}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> foreignKeyConfig(Map<String, Object> config) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put("cookie", Map.of("name", "__Host-ew", "lifetime", "PT24H", "keys", Map.of("k9", FOREIGN_KEY),
                "signingKey", "k9"));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> event(String file) {
        Path path = Path.of(System.getProperty("edgeward.testdata"), "lambda-edge", "events", file);
        try {
            return NodeBundle.JSON.readValue(path.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The AWS viewer-request sample with another user agent, path, and optionally a cookie header. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> viewerRequest(String uri, String userAgent, String cookie) {
        Map<String, Object> event = event("awsdocs_viewer-request.json");
        Map<String, Object> request = request(event);
        request.put("uri", uri);
        Map<String, Object> headers = (Map<String, Object>) request.get("headers");
        headers.put("user-agent", List.of(Map.of("key", "User-Agent", "value", userAgent)));
        if (cookie != null) {
            headers.put("cookie", List.of(Map.of("key", "Cookie", "value", cookie)));
        }
        return event;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Map<String, Object> event) {
        Map<String, Object> cf = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records"))
                .get(0)).get("cf");
        return (Map<String, Object>) cf.get("request");
    }

    /** The first value of a header on a CloudFront request or response object, or null. */
    @SuppressWarnings("unchecked")
    static String header(Map<String, Object> message, String name) {
        Map<String, Object> headers = (Map<String, Object>) message.get("headers");
        if (headers == null || !headers.containsKey(name)) {
            return null;
        }
        List<Object> values = (List<Object>) headers.get(name);
        return values.isEmpty() ? null : (String) ((Map<String, Object>) values.get(0)).get("value");
    }

    /** {@code name=value} of a Set-Cookie value, as a browser sends it back. */
    static String cookiePair(String setCookie) {
        int semicolon = setCookie.indexOf(';');
        return semicolon < 0 ? setCookie : setCookie.substring(0, semicolon);
    }

    static List<String> viewerRequestSamples() {
        return new ArrayList<>(List.of("awsdocs_viewer-request.json",
                "awsdocs-2020_request-event-format_with-body.json"));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
