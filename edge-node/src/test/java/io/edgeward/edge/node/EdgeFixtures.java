package io.edgeward.edge.node;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Configuration and events shared by the Node bundle tests; events come from the AWS documentation samples. */
public final class EdgeFixtures {

    /** An ordinary browser's user agent. */
    public static final String BROWSER = "Mozilla/5.0 (Macintosh) Safari/605.1.15";
    public static final String KEY_1 = b64("0123456789abcdef0123456789abcdef");
    public static final String FOREIGN_KEY = b64("fedcba9876543210fedcba9876543210");

    private EdgeFixtures() {
    }

    public static Map<String, Object> config(String protectorUrl, String ingestUrl, String timeout) {
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

    /** The configuration's {@code protector} section for Protector at {@code url}. */
    public static Map<String, Object> protector(String url, String timeout) {
        return Map.of("url", url, "apiKey", FakeProtector.KEY, "timeout", timeout,
                "breaker", Map.of("failures", 3, "open", "PT30S"));
    }

    /** Same configuration signed by another key: its cookies are foreign to {@link #config}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> foreignKeyConfig(Map<String, Object> config) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put("cookie", Map.of("name", "__Host-ew", "lifetime", "PT24H", "keys", Map.of("k9", FOREIGN_KEY),
                "signingKey", "k9"));
        return copy;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> event(String file) {
        Path path = Path.of(System.getProperty("edgeward.testdata"), "lambda-edge", "events", file);
        try {
            return NodeBundle.JSON.readValue(path.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM target's viewer-request handler (edge-viewer-request), the reference both other targets match. */
    public static ViewerRequestHandler jvm(Map<String, Object> config, Clock clock) {
        return new ViewerRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "cross-target"),
                GeneratedResponseLog.NONE));
    }

    /** A cookie as a browser would send it back after a first visit that {@code protector} allowed. */
    public static String mintedBy(ViewerRequestHandler handler, FakeProtector protector) {
        protector.answers("allow");
        Map<String, Object> request = handler.handle(viewerRequest("/", BROWSER, null));
        return cookiePair(header(request, "x-edgeward-set-cookie"));
    }

    /**
     * A cookie of the cross-target table's kind (CrossTargetTest#table): none, valid, unbound (sent with another user
     * agent than it was minted for), tampered, expired or signed by a foreign key; minted by the JVM target.
     */
    public static String cookie(String kind, Map<String, Object> config, FakeProtector protector) {
        switch (kind) {
            case "none":
                return null;
            case "valid":
            case "unbound":
                return mintedBy(jvm(config, Clock.systemUTC()), protector);
            case "tampered":
                String valid = mintedBy(jvm(config, Clock.systemUTC()), protector);
                return valid.substring(0, valid.length() - 2) + (valid.endsWith("xx") ? "yy" : "xx");
            case "expired":
                return mintedBy(jvm(config, Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC)),
                        protector);
            case "foreign":
                return mintedBy(jvm(foreignKeyConfig(config), Clock.systemUTC()), protector);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** The AWS viewer-request sample with another user agent, path, and optionally a cookie header. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> viewerRequest(String uri, String userAgent, String cookie) {
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
    public static Map<String, Object> request(Map<String, Object> event) {
        Map<String, Object> cf = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records"))
                .get(0)).get("cf");
        return (Map<String, Object>) cf.get("request");
    }

    /** The first value of a header on a CloudFront request or response object, or null. */
    @SuppressWarnings("unchecked")
    public static String header(Map<String, Object> message, String name) {
        Map<String, Object> headers = (Map<String, Object>) message.get("headers");
        if (headers == null || !headers.containsKey(name)) {
            return null;
        }
        List<Object> values = (List<Object>) headers.get(name);
        return values.isEmpty() ? null : (String) ((Map<String, Object>) values.get(0)).get("value");
    }

    /** {@code name=value} of a Set-Cookie value, as a browser sends it back; null for null. */
    public static String cookiePair(String setCookie) {
        if (setCookie == null) {
            return null;
        }
        int semicolon = setCookie.indexOf(';');
        return semicolon < 0 ? setCookie : setCookie.substring(0, semicolon);
    }

    public static List<String> viewerRequestSamples() {
        return new ArrayList<>(List.of("awsdocs_viewer-request.json",
                "awsdocs-2020_request-event-format_with-body.json"));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
