package io.edgeward.edge.core.config;

import io.edgeward.edge.core.port.JsonCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edge configuration ({@code edgeward-edge.json}, baked into each bundle; docs/contracts.md and docs/edge.md list
 * every key and its default). Parsing is strict: unknown keys are rejected and a bad value is named in the message.
 * The {@code ingest} and {@code logging} sections belong to the log shipper ({@code ShipperConfig}); they are kept
 * here as read, so one file configures both edge functions.
 *
 * @param trustCloudFrontHeaders whether {@code cloudfront-*} request headers in a viewer-request event were set by
 *                               CloudFront. False (the default) at a Lambda@Edge viewer-request trigger: CloudFront
 *                               adds its headers only after that event, so any present are the viewer's own and
 *                               are removed. True where something trusted added them first (the inline inspector
 *                               behind CloudFront, the local front).
 * @param alwaysServed           paths forwarded unchecked even for a blocked client ({@link AlwaysServed})
 * @param blocks                 how blocks are carried in the cookie and cached by address ({@link BlockConfig})
 * @param sensor                 the browser sensor's script and report relay ({@link SensorConfig})
 */
public record EdgeConfig(CookieConfig cookie, CheckIntervalConfig checkInterval, Mode mode, List<Route> routes,
                         Exclusions exclude, ProtectorConfig protector, ChallengeConfig challenge,
                         Map<String, Object> ingest, Map<String, Object> logging, boolean trustCloudFrontHeaders,
                         AlwaysServed alwaysServed, BlockConfig blocks, SensorConfig sensor) {

    static final Set<String> KEYS = Set.of("cookie", "checkInterval", "mode", "routes", "exclude", "protector",
            "ingest", "logging", "challenge", "trustCloudFrontHeaders", "alwaysServed", "blocks", "sensor");

    public EdgeConfig {
        if (cookie == null || checkInterval == null || mode == null || protector == null) {
            throw new ConfigException("cookie, checkInterval, mode and protector are required");
        }
        routes = List.copyOf(routes == null ? List.of() : routes);
        exclude = exclude == null ? Exclusions.none() : exclude;
        challenge = challenge == null ? ChallengeConfig.defaults() : challenge;
        alwaysServed = alwaysServed == null ? AlwaysServed.defaults() : alwaysServed;
        blocks = blocks == null ? BlockConfig.defaults() : blocks;
        sensor = sensor == null ? SensorConfig.defaults() : sensor;
        ingest = ingest == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(ingest));
        logging = logging == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(logging));
    }

    /** Without a {@code sensor} section (its defaults). */
    public EdgeConfig(CookieConfig cookie, CheckIntervalConfig checkInterval, Mode mode, List<Route> routes,
                      Exclusions exclude, ProtectorConfig protector, ChallengeConfig challenge,
                      Map<String, Object> ingest, Map<String, Object> logging, boolean trustCloudFrontHeaders,
                      AlwaysServed alwaysServed, BlockConfig blocks) {
        this(cookie, checkInterval, mode, routes, exclude, protector, challenge, ingest, logging,
                trustCloudFrontHeaders, alwaysServed, blocks, SensorConfig.defaults());
    }

    /** Parses and validates the configuration text. @throws ConfigException on any invalid value */
    public static EdgeConfig fromJson(String text, JsonCodec json) {
        Map<String, Object> root;
        try {
            root = json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("edge configuration is not a JSON object: " + e.getMessage());
        }
        return fromJson(root);
    }

    /** Validates an already parsed configuration. @throws ConfigException on any invalid value */
    @SuppressWarnings("unchecked")
    public static EdgeConfig fromJson(Map<String, Object> root) {
        ConfigReader reader = ConfigReader.section("", root, KEYS);
        if (reader.raw("ingest") != null) {
            // Validated now, so a bad shipper section fails at start-up like the rest of the file.
            ShipperConfig.fromJson(root);
        }
        return new EdgeConfig(CookieConfig.read(reader.raw("cookie")),
                CheckIntervalConfig.read(reader.raw("checkInterval")),
                Mode.parse("mode", reader.string("mode", "mitigate")), readRoutes(reader.raw("routes")),
                Exclusions.read(reader.raw("exclude")), ProtectorConfig.read(reader.raw("protector")),
                ChallengeConfig.read(reader.raw("challenge")), section("ingest", reader.raw("ingest")),
                section("logging", reader.raw("logging")), reader.bool("trustCloudFrontHeaders", false),
                reader.raw("alwaysServed") == null ? AlwaysServed.defaults()
                        : AlwaysServed.of("alwaysServed", reader.strings("alwaysServed")),
                BlockConfig.read(reader.raw("blocks")), SensorConfig.read(reader.raw("sensor")));
    }

    private static List<Route> readRoutes(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new ConfigException("routes must be a list of {pathPrefix, mode}");
        }
        List<Route> routes = new ArrayList<>();
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            routes.add(Route.read(i, items.get(i)));
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name, Object value) {
        if (value != null && !(value instanceof Map)) {
            throw new ConfigException(name + " must be an object");
        }
        return (Map<String, Object>) value;
    }
}
