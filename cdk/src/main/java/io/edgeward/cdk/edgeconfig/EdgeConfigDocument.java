package io.edgeward.cdk.edgeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.EdgeKeys;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.SettingsException;
import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.EdgeDefaults;
import io.edgeward.edge.core.config.ShipperConfig;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@code edgeward-edge.json} (docs/contracts.md "Edge configuration"): the contract's defaults, overlaid with
 * the deploy file's {@code edge.tuning}, then the parts CDK owns — mode and routes from the behaviors, endpoint URLs
 * and keys. The result is validated with the edge's own reader (edge-core {@code EdgeConfig} and
 * {@code ShipperConfig}), so a typo or a bad value fails the synth rather than every request at the edge.
 */
public final class EdgeConfigDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Set from the deployment itself; tuning them would split the edge from the services. */
    private static final Set<String> OWNED = Set.of("mode", "routes", "cookie.keys", "cookie.signingKey",
            "protector.url", "protector.apiKey", "ingest.url", "ingest.apiKey");

    /** The contract's defaults, as edge-core exports them for every producer of the file. */
    private static final String DEFAULTS = EdgeDefaults.DOCUMENT;

    private EdgeConfigDocument() {
    }

    /** The configuration both edge bundles of this deployment carry. */
    public static ObjectNode build(EdgeSettings edge, EdgeKeys keys) {
        ObjectNode config = defaults();
        overlay(config, edge.tuning(), "edge.tuning");

        DistributionSettings distribution = edge.distribution();
        // Routes are evaluated in every protected behavior, so each differing behavior needs its route; a passive
        // default behavior has no function, and protected behaviors then all carry their own route.
        Mode configMode = distribution.defaultMode().hasEdgeFunctions() ? distribution.defaultMode() : Mode.MONITOR;
        config.put("mode", configMode.wireName());
        ArrayNode routes = config.putArray("routes");
        for (BehaviorSettings behavior : distribution.behaviors()) {
            if (behavior.mode().hasEdgeFunctions() && behavior.mode() != configMode) {
                routes.addObject().put("pathPrefix", behavior.pathPrefix()).put("mode", behavior.mode().wireName());
            }
        }

        ObjectNode cookie = (ObjectNode) config.get("cookie");
        ObjectNode cookieKeys = cookie.putObject("keys");
        new TreeMap<>(keys.cookieKeys()).forEach(cookieKeys::put);
        cookie.put("signingKey", keys.signingKey());
        ((ObjectNode) config.get("protector")).put("url", stripSlash(edge.protectorUrl())).put("apiKey", keys.edgeKey());
        ((ObjectNode) config.get("ingest")).put("url", stripSlash(edge.ingestUrl())).put("apiKey", keys.ingestKey());
        validateWithEdgeReader(config);
        return config;
    }

    @SuppressWarnings("unchecked")
    private static void validateWithEdgeReader(ObjectNode config) {
        Map<String, Object> parsed = MAPPER.convertValue(config, Map.class);
        try {
            ShipperConfig.from(EdgeConfig.fromJson(parsed));
        } catch (ConfigException e) {
            // edge-core's messages name the key and never show key material.
            throw new SettingsException("the edge configuration generated from edge.tuning is invalid: "
                    + e.getMessage(), e);
        }
    }

    /** The session cookie name the edge will use (tuning may change it); the cache policy leaves it out. */
    public static String cookieName(EdgeSettings edge) {
        JsonNode name = edge.tuning().path("cookie").path("name");
        return name.isTextual() ? name.asText() : defaults().path("cookie").path("name").asText();
    }

    private static ObjectNode defaults() {
        try {
            return (ObjectNode) MAPPER.readTree(DEFAULTS);
        } catch (Exception e) {
            throw new IllegalStateException("built-in edge defaults are not JSON", e);
        }
    }

    private static void overlay(ObjectNode target, JsonNode overrides, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String ownedName = (path.equals("edge.tuning") ? "" : path.substring("edge.tuning.".length()) + ".") + key;
            if (OWNED.contains(ownedName)) {
                throw new SettingsException(path + "." + key + " is set by the deployment (behaviors, edge URLs,"
                        + " keys file) and cannot be tuned");
            }
            JsonNode current = target.get(key);
            // Keys the defaults lack are passed on: the edge's reader decides whether it knows them.
            if (current != null && current.isObject() && field.getValue().isObject()) {
                overlay((ObjectNode) current, field.getValue(), path + "." + key);
            } else if (current != null && (current.isObject() || field.getValue().isObject())) {
                throw new SettingsException(path + "." + key + " must be " + (current.isObject() ? "an object" : "a value")
                        + ", was " + field.getValue());
            } else {
                target.set(key, field.getValue().deepCopy());
            }
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
