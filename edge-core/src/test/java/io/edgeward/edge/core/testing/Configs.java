package io.edgeward.edge.core.testing;

import io.edgeward.edge.core.config.EdgeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's example edge configuration as mutable maps. */
public final class Configs {

    public static final byte[] KEY_1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    public static final String KEY_1_TEXT = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY_1);

    private Configs() {
    }

    public static Map<String, Object> example() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cookie", new LinkedHashMap<>(Map.of("name", "__Host-ew", "lifetime", "PT24H",
                "keys", Map.of("k1", KEY_1_TEXT), "signingKey", "k1")));
        root.put("checkInterval", new LinkedHashMap<>(Map.of("initial", "PT5S", "max", "PT60S")));
        root.put("mode", "mitigate");
        root.put("routes", List.of(Map.of("pathPrefix", "/api/", "mode", "inject")));
        root.put("exclude", new LinkedHashMap<>(Map.of("pathPrefixes", List.of("/.well-known/"),
                "extensions", List.of("css", "js", "png", "jpg", "gif", "svg", "ico", "woff2"))));
        root.put("protector", new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:8081", "apiKey", "secret-edge-key",
                "timeout", "PT0.1S", "breaker", new LinkedHashMap<>(Map.of("failures", 5, "open", "PT30S")))));
        root.put("ingest", new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:8082", "apiKey", "k", "batchSize", 50,
                "maxAge", "PT2S", "queueLimit", 1000, "timeout", "PT1S")));
        root.put("logging", new LinkedHashMap<>(Map.of("skipExtensions", List.of(),
                "maskQueryParams", List.of("password", "token", "code", "session"), "maskBodyFields", List.of("password"))));
        Map<String, Object> challenge = new LinkedHashMap<>();
        challenge.put("provider", "pow");
        challenge.put("difficulty", 18);
        challenge.put("siteKey", null);
        root.put("challenge", challenge);
        return root;
    }

    public static EdgeConfig exampleConfig() {
        return EdgeConfig.fromJson(example());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> root, String name) {
        return (Map<String, Object>) root.get(name);
    }
}
