package io.edgeward.inspector;

import static io.edgeward.env.ConfigChecks.positive;
import static io.edgeward.env.ConfigChecks.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.env.EnvReader;
import io.edgeward.inspector.fronts.FrontsSettings;
import io.edgeward.inspector.fronts.TrustedFronts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The inspector's configuration, validated at start-up with the bad value in the message (never a key's value).
 *
 * <p>Environment ({@link #fromEnvironment}): {@code EDGEWARD_INSPECTOR_BIND} (0.0.0.0), {@code EDGEWARD_INSPECTOR_PORT}
 * (8083), {@code EDGEWARD_INSPECTOR_ORIGIN} (the application origin's base URL, required),
 * {@code EDGEWARD_ORIGIN_SECRET} (the x-edgeward-origin-secret CloudFront sends; when unset, no request is trusted
 * to come from CloudFront and the client IP is the connection's), {@code EDGEWARD_ORIGIN_TIMEOUT} (PT30S), and the
 * edge configuration: either {@code EDGEWARD_EDGE_CONFIG_FILE} (an edgeward-edge.json, docs/contracts.md "Edge
 * configuration") or {@code EDGEWARD_PROTECTOR_URL}, {@code EDGEWARD_INGEST_URL}, {@code EDGEWARD_EDGE_KEY},
 * {@code EDGEWARD_INGEST_KEY} (the first of a comma-separated list is used), {@code EDGEWARD_PROTECTOR_TIMEOUT}
 * (PT0.1S, the policy's budget before failing open), {@code EDGEWARD_COOKIE_KEYS} (JSON
 * {@code {"signingKey":"k1","k1":"<base64url>"}}, the services' cookie-keys secret) and {@code EDGEWARD_EDGE_MODE}
 * (mitigate) over the contract's defaults.
 *
 * <p>Trusted fronts ({@link FrontsSettings}): {@code EDGEWARD_TRUSTED_FRONTS} (none), {@code EDGEWARD_FRONT_<NAME>_HEADER},
 * {@code EDGEWARD_FRONT_<NAME>_RANGES} or {@code _RANGES_FILE}, {@code EDGEWARD_UNTRUSTED_PEERS} (refuse),
 * {@code EDGEWARD_TRUSTED_PROXIES} (none). Health ({@link OriginHealth}): {@code EDGEWARD_INSPECTOR_ORIGIN_HEALTH_PATH}
 * (/, the application path probed), {@code EDGEWARD_INSPECTOR_HEALTH_TIMEOUT} (PT2S),
 * {@code EDGEWARD_INSPECTOR_HEALTH_CACHE} (PT5S, how long a probe's result stands). Metrics:
 * {@code EDGEWARD_INSPECTOR_METRICS_TOKEN} (at least 16 characters; unset: {@code /.edgeward/metrics} is not served,
 * since the inspector's port faces the CDN).
 */
public record InspectorConfig(String bind, int port, URI origin, String originSecret, Duration originTimeout,
        EdgeConfig edge, TrustedFronts fronts, String originHealthPath, Duration healthTimeout,
        Duration healthCacheFor, String metricsToken) {

    static final String DEFAULT_HEALTH_PATH = "/";
    static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_HEALTH_CACHE = Duration.ofSeconds(5);

    /** The edge configuration contract's defaults (docs/contracts.md), the same the CDK app starts from. */
    static final String EDGE_DEFAULTS = """
            {"cookie":{"name":"__Host-ew","lifetime":"PT24H","keys":{},"signingKey":null},
             "checkInterval":{"initial":"PT5S","max":"PT60S"},
             "mode":"mitigate",
             "routes":[],
             "exclude":{"pathPrefixes":["/.well-known/"],"extensions":["css","js","png","jpg","gif","svg","ico","woff2"]},
             "protector":{"url":null,"apiKey":null,"timeout":"PT0.1S","breaker":{"failures":5,"open":"PT30S"}},
             "ingest":{"url":null,"apiKey":null,"batchSize":50,"maxAge":"PT2S","queueLimit":1000,"timeout":"PT1S"},
             "logging":{"skipExtensions":[],"maskQueryParams":["password","token","code","session"],"maskBodyFields":["password"]},
             "challenge":{"provider":"pow","difficulty":18,"siteKey":null},
             "trustCloudFrontHeaders":true}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    public InspectorConfig {
        require(bind != null && !bind.isBlank(), "inspector.bind must not be empty");
        require(port >= 0 && port <= 65535, "inspector.port must be between 0 and 65535, was " + port);
        require(origin != null && origin.getHost() != null
                        && ("http".equals(origin.getScheme()) || "https".equals(origin.getScheme())),
                "inspector.origin must be an http(s) URL, was " + origin);
        require(originSecret == null || originSecret.length() >= 16,
                "inspector.originSecret must be at least 16 characters");
        positive(originTimeout, "inspector.originTimeout");
        require(edge != null, "inspector.edge (the edge configuration) is required");
        require(fronts != null, "inspector.fronts is required (TrustedFronts.none() for none)");
        require(originHealthPath != null && originHealthPath.startsWith("/"),
                "inspector.originHealthPath must start with /, was " + originHealthPath);
        positive(healthTimeout, "inspector.healthTimeout");
        require(healthCacheFor != null && !healthCacheFor.isNegative(),
                "inspector.healthCacheFor must be >= 0, was " + healthCacheFor);
        require(metricsToken == null || metricsToken.length() >= 16,
                "inspector.metricsToken must be at least 16 characters");
    }

    /** Without trusted fronts or metrics, probing the origin's root: the configuration before fronts existed. */
    public InspectorConfig(String bind, int port, URI origin, String originSecret, Duration originTimeout,
            EdgeConfig edge) {
        this(bind, port, origin, originSecret, originTimeout, edge, TrustedFronts.none(), DEFAULT_HEALTH_PATH,
                DEFAULT_HEALTH_TIMEOUT, DEFAULT_HEALTH_CACHE, null);
    }

    public static InspectorConfig fromEnvironment(Map<String, String> variables) {
        EnvReader env = reader(variables);
        String origin = env.optional("EDGEWARD_INSPECTOR_ORIGIN").orElseThrow(() ->
                new IllegalArgumentException("inspector.origin is required (EDGEWARD_INSPECTOR_ORIGIN)"));
        URI originUri;
        try {
            originUri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inspector.origin must be an http(s) URL, was " + origin);
        }
        return new InspectorConfig(variables.getOrDefault("EDGEWARD_INSPECTOR_BIND", "0.0.0.0"),
                env.integer("EDGEWARD_INSPECTOR_PORT", 8083), originUri,
                env.optional("EDGEWARD_ORIGIN_SECRET").map(String::trim).orElse(null),
                env.duration("EDGEWARD_ORIGIN_TIMEOUT", Duration.ofSeconds(30)), edgeConfig(variables),
                FrontsSettings.fromEnvironment(variables),
                variables.getOrDefault("EDGEWARD_INSPECTOR_ORIGIN_HEALTH_PATH", DEFAULT_HEALTH_PATH).trim(),
                env.duration("EDGEWARD_INSPECTOR_HEALTH_TIMEOUT", DEFAULT_HEALTH_TIMEOUT),
                env.duration("EDGEWARD_INSPECTOR_HEALTH_CACHE", DEFAULT_HEALTH_CACHE),
                env.optional("EDGEWARD_INSPECTOR_METRICS_TOKEN").map(String::trim).orElse(null));
    }

    private static EnvReader reader(Map<String, String> variables) {
        return EnvReader.of(variables).withDurationExample("such as PT30S");
    }

    /** The edge configuration from a file, or assembled from the services' URLs and secrets. */
    static EdgeConfig edgeConfig(Map<String, String> variables) {
        Optional<String> file = reader(variables).optional("EDGEWARD_EDGE_CONFIG_FILE");
        String document;
        if (file.isPresent()) {
            try {
                document = Files.readString(Path.of(file.get().trim()));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "EDGEWARD_EDGE_CONFIG_FILE " + file.get() + " cannot be read: " + e);
            }
        } else {
            document = assemble(variables).toString();
        }
        try {
            EdgeConfig config = EdgeConfig.fromJson(document, new JacksonJsonCodec());
            ShipperConfig.from(config);
            return config;
        } catch (ConfigException e) {
            // edge-core's messages name the key, never key material.
            throw new IllegalArgumentException("edge configuration is invalid: " + e.getMessage(), e);
        }
    }

    private static ObjectNode assemble(Map<String, String> variables) {
        EnvReader env = reader(variables);
        ObjectNode config;
        try {
            config = (ObjectNode) JSON.readTree(EDGE_DEFAULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in edge defaults are not JSON", e);
        }
        config.put("mode", variables.getOrDefault("EDGEWARD_EDGE_MODE", "mitigate"));
        ((ObjectNode) config.get("protector")).put("url", required(env, "EDGEWARD_PROTECTOR_URL"))
                .put("apiKey", firstKey(required(env, "EDGEWARD_EDGE_KEY")))
                .put("timeout", env.duration("EDGEWARD_PROTECTOR_TIMEOUT", Duration.ofMillis(100)).toString());
        ((ObjectNode) config.get("ingest")).put("url", required(env, "EDGEWARD_INGEST_URL"))
                .put("apiKey", firstKey(required(env, "EDGEWARD_INGEST_KEY")));
        JsonNode cookieKeys;
        try {
            cookieKeys = JSON.readTree(required(env, "EDGEWARD_COOKIE_KEYS"));
        } catch (JsonProcessingException e) {
            // Jackson would quote the input: keep the keys out of the message.
            throw new IllegalArgumentException("EDGEWARD_COOKIE_KEYS must be a JSON object like"
                    + " {\"signingKey\":\"k1\",\"k1\":\"<base64url>\"}");
        }
        require(cookieKeys.isObject() && cookieKeys.path("signingKey").isTextual(),
                "EDGEWARD_COOKIE_KEYS must be a JSON object with signingKey and the keys by id");
        ObjectNode cookie = (ObjectNode) config.get("cookie");
        ObjectNode keys = cookie.putObject("keys");
        Iterator<Map.Entry<String, JsonNode>> fields = cookieKeys.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("signingKey")) {
                keys.put(field.getKey(), field.getValue().asText());
            }
        }
        cookie.put("signingKey", cookieKeys.get("signingKey").asText());
        return config;
    }

    private static String firstKey(String list) {
        int comma = list.indexOf(',');
        return (comma < 0 ? list : list.substring(0, comma)).trim();
    }

    private static String required(EnvReader env, String name) {
        return env.optional(name).map(String::trim).orElseThrow(() ->
                new IllegalArgumentException(name + " is required (or EDGEWARD_EDGE_CONFIG_FILE)"));
    }

    /** The origin secret is never printed. */
    @Override
    public String toString() {
        return "InspectorConfig[bind=" + bind + ", port=" + port + ", origin=" + origin + ", originSecret="
                + (originSecret == null ? "unset" : "***") + ", originTimeout=" + originTimeout + ", fronts="
                + fronts.fronts().stream().map(f -> f.name() + "(" + f.header() + ", " + f.ranges().size()
                        + " ranges)").toList()
                + (fronts.enabled() ? ", untrustedPeers=" + fronts.untrusted() : "") + ", originHealthPath="
                + originHealthPath + ", metrics=" + (metricsToken == null ? "off" : "token") + "]";
    }
}
