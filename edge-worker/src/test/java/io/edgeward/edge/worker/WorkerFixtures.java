package io.edgeward.edge.worker;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.node.FakeIngest;
import io.edgeward.edge.node.FakeProtector;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration, JVM handler and events the Worker tests share (the same as edge-node's EdgeFixtures). */
final class WorkerFixtures {

    static final String BROWSER = "Mozilla/5.0 (Macintosh) Safari/605.1.15";
    static final String KEY_1 = b64("0123456789abcdef0123456789abcdef");
    static final String FOREIGN_KEY = b64("fedcba9876543210fedcba9876543210");

    private WorkerFixtures() {
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
        root.put("protector", protector(protectorUrl, timeout));
        root.put("ingest", Map.of("url", ingestUrl, "apiKey", FakeIngest.KEY, "batchSize", 1, "maxAge", "PT2S",
                "queueLimit", 100, "timeout", "PT1S"));
        root.put("challenge", Map.of("provider", "pow", "difficulty", 18));
        return root;
    }

    static Map<String, Object> protector(String url, String timeout) {
        return Map.of("url", url, "apiKey", FakeProtector.KEY, "timeout", timeout,
                "breaker", Map.of("failures", 3, "open", "PT30S"));
    }

    static Map<String, Object> withProtector(Map<String, Object> config, String url, String timeout) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put("protector", protector(url, timeout));
        return copy;
    }

    /** Same configuration signed by another key: its cookies are foreign to {@link #config}. */
    static Map<String, Object> foreignKeyConfig(Map<String, Object> config) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put("cookie", Map.of("name", "__Host-ew", "lifetime", "PT24H", "keys", Map.of("k9", FOREIGN_KEY),
                "signingKey", "k9"));
        return copy;
    }

    /** The JVM target's viewer-request handler (edge-viewer-request), as CrossTargetTest builds it. */
    static ViewerRequestHandler jvm(Map<String, Object> config, Clock clock) {
        return new ViewerRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "cross-target"),
                GeneratedResponseLog.NONE));
    }

    /** The AWS viewer-request sample with another user agent, path, and optionally a cookie header. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> viewerRequest(String uri, String userAgent, String cookie) {
        Path path = Path.of(System.getProperty("edgeward.testdata"), "lambda-edge", "events",
                "awsdocs_viewer-request.json");
        Map<String, Object> event;
        try {
            event = Workerd.JSON.readValue(path.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> cf = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records"))
                .get(0)).get("cf");
        Map<String, Object> request = (Map<String, Object>) cf.get("request");
        request.put("uri", uri);
        Map<String, Object> headers = (Map<String, Object>) request.get("headers");
        headers.put("user-agent", List.of(Map.of("key", "User-Agent", "value", userAgent)));
        if (cookie != null) {
            headers.put("cookie", List.of(Map.of("key", "Cookie", "value", cookie)));
        }
        return event;
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

    /** {@code name=value} of a Set-Cookie value, as a browser sends it back; null for null. */
    static String cookiePair(String setCookie) {
        if (setCookie == null) {
            return null;
        }
        int semicolon = setCookie.indexOf(';');
        return semicolon < 0 ? setCookie : setCookie.substring(0, semicolon);
    }

    /** The session cookie the Worker set on its response to the viewer, as the viewer sends it back; or null. */
    static String cookieSetBy(HttpResponse<String> response) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("__Host-ew="))
                .findFirst().map(WorkerFixtures::cookiePair).orElse(null);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
