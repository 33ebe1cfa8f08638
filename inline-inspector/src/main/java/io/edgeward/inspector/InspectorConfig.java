package io.edgeward.inspector;

import static io.edgeward.env.ConfigChecks.positive;
import static io.edgeward.env.ConfigChecks.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.EdgeDefaults;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import io.edgeward.inspector.fronts.FrontsSettings;
import io.edgeward.inspector.fronts.TrustedFronts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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

    static final EnvKey<String> BIND = EnvKey.string("EDGEWARD_INSPECTOR_BIND", "0.0.0.0");
    static final EnvKey<Integer> PORT = EnvKey.port("EDGEWARD_INSPECTOR_PORT", 8083);
    static final EnvKey<URI> ORIGIN = EnvKey.url("EDGEWARD_INSPECTOR_ORIGIN", null);
    static final EnvKey<String> ORIGIN_SECRET = EnvKey.secret("EDGEWARD_ORIGIN_SECRET");
    static final EnvKey<Duration> ORIGIN_TIMEOUT = EnvKey.positiveDuration("EDGEWARD_ORIGIN_TIMEOUT",
            Duration.ofSeconds(30));
    static final EnvKey<Path> EDGE_CONFIG_FILE = EnvKey.path("EDGEWARD_EDGE_CONFIG_FILE", null);
    static final EnvKey<String> PROTECTOR_URL = EnvKey.string("EDGEWARD_PROTECTOR_URL", null);
    static final EnvKey<String> INGEST_URL = EnvKey.string("EDGEWARD_INGEST_URL", null);
    static final EnvKey<String> EDGE_KEY = EnvKey.secret("EDGEWARD_EDGE_KEY");
    static final EnvKey<String> INGEST_KEY = EnvKey.secret("EDGEWARD_INGEST_KEY");
    static final EnvKey<Duration> PROTECTOR_TIMEOUT = EnvKey.positiveDuration("EDGEWARD_PROTECTOR_TIMEOUT",
            Duration.ofMillis(100));
    static final EnvKey<String> COOKIE_KEYS = EnvKey.secret("EDGEWARD_COOKIE_KEYS");
    static final EnvKey<String> EDGE_MODE = EnvKey.string("EDGEWARD_EDGE_MODE", "mitigate");
    // Trusted fronts: these three and the EDGEWARD_FRONT_<NAME>_* family are read and checked by FrontsSettings.
    static final EnvKey<List<String>> TRUSTED_FRONTS = EnvKey.list("EDGEWARD_TRUSTED_FRONTS", List.of());
    static final EnvKey<String> UNTRUSTED_PEERS = EnvKey.oneOf("EDGEWARD_UNTRUSTED_PEERS",
            java.util.Set.of("refuse", "peer"), "refuse");
    static final EnvKey<List<String>> TRUSTED_PROXIES = EnvKey.list("EDGEWARD_TRUSTED_PROXIES", List.of());
    static final String FRONT_FAMILY = "EDGEWARD_FRONT_";
    static final EnvKey<String> ORIGIN_HEALTH_PATH = EnvKey.string("EDGEWARD_INSPECTOR_ORIGIN_HEALTH_PATH",
            DEFAULT_HEALTH_PATH);
    static final EnvKey<Duration> HEALTH_TIMEOUT = EnvKey.positiveDuration("EDGEWARD_INSPECTOR_HEALTH_TIMEOUT",
            DEFAULT_HEALTH_TIMEOUT);
    static final EnvKey<Duration> HEALTH_CACHE = EnvKey.duration("EDGEWARD_INSPECTOR_HEALTH_CACHE",
            DEFAULT_HEALTH_CACHE, Duration.ZERO);
    static final EnvKey<String> METRICS_TOKEN = EnvKey.secret("EDGEWARD_INSPECTOR_METRICS_TOKEN");

    /** Every variable the inspector reads; any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvSpec.of("inspector", BIND, PORT, ORIGIN, ORIGIN_SECRET, ORIGIN_TIMEOUT,
                    EDGE_CONFIG_FILE, PROTECTOR_URL, INGEST_URL, EDGE_KEY, INGEST_KEY, PROTECTOR_TIMEOUT, COOKIE_KEYS,
                    EDGE_MODE, TRUSTED_FRONTS, UNTRUSTED_PEERS, TRUSTED_PROXIES, ORIGIN_HEALTH_PATH, HEALTH_TIMEOUT,
                    HEALTH_CACHE, METRICS_TOKEN)
            .withFamily(FRONT_FAMILY)
            .styled(env -> env.withDurationExample("such as PT30S"));

    public static InspectorConfig fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** The configuration from its variables; App prints {@link EnvValues#effectiveConfiguration()} of the same. */
    public static InspectorConfig from(EnvValues env) {
        URI origin = env.get(ORIGIN);
        if (origin == null) {
            throw new IllegalArgumentException("inspector.origin is required (EDGEWARD_INSPECTOR_ORIGIN)");
        }
        String originSecret = env.get(ORIGIN_SECRET);
        String metricsToken = env.get(METRICS_TOKEN);
        env.get(UNTRUSTED_PEERS); // refused here, naming the variable, when it is neither refuse nor peer
        return new InspectorConfig(env.get(BIND), env.get(PORT), origin,
                originSecret == null ? null : originSecret.trim(), env.get(ORIGIN_TIMEOUT), edgeConfig(env),
                FrontsSettings.fromEnvironment(env.variables()), env.get(ORIGIN_HEALTH_PATH).trim(),
                env.get(HEALTH_TIMEOUT), env.get(HEALTH_CACHE), metricsToken == null ? null : metricsToken.trim());
    }

    /** The edge configuration from a file, or assembled from the services' URLs and secrets. */
    static EdgeConfig edgeConfig(EnvValues env) {
        Path file = env.get(EDGE_CONFIG_FILE);
        String document;
        if (file != null) {
            try {
                document = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "EDGEWARD_EDGE_CONFIG_FILE " + file + " cannot be read: " + e);
            }
        } else {
            document = assemble(env).toString();
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

    private static ObjectNode assemble(EnvValues env) {
        ObjectNode config;
        try {
            // The contract's defaults (edge-core), the same the CDK app starts from.
            config = (ObjectNode) JSON.readTree(EdgeDefaults.DOCUMENT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in edge defaults are not JSON", e);
        }
        // Behind CloudFront with the origin secret checked, CloudFront's viewer headers are CloudFront's own.
        config.put("trustCloudFrontHeaders", true);
        config.put("mode", env.get(EDGE_MODE));
        ((ObjectNode) config.get("protector")).put("url", required(env, PROTECTOR_URL))
                .put("apiKey", firstKey(required(env, EDGE_KEY)))
                .put("timeout", env.get(PROTECTOR_TIMEOUT).toString());
        ((ObjectNode) config.get("ingest")).put("url", required(env, INGEST_URL))
                .put("apiKey", firstKey(required(env, INGEST_KEY)));
        JsonNode cookieKeys;
        try {
            cookieKeys = JSON.readTree(required(env, COOKIE_KEYS));
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

    private static String required(EnvValues env, EnvKey<String> key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key.name() + " is required (or EDGEWARD_EDGE_CONFIG_FILE)");
        }
        return value.trim();
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
