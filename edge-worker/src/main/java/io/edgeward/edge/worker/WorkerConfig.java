package io.edgeward.edge.worker;

import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.node.NodeJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSObject;

/**
 * The edge configuration from Worker bindings (docs/cloudflare.md "Bindings and secrets"). {@code EDGEWARD_CONFIG}
 * holds the same document as the Lambda bundles' {@code edgeward-edge.json} (a JSON text or a JSON binding), without
 * its secrets; the secrets come from their own bindings and are set over it:
 * <ul>
 *   <li>{@code EDGEWARD_COOKIE_KEYS}: {@code cookie.keys}, a JSON object of key id to base64url secret;</li>
 *   <li>{@code EDGEWARD_PROTECTOR_API_KEY}: {@code protector.apiKey};</li>
 *   <li>{@code EDGEWARD_INGEST_API_KEY}: {@code ingest.apiKey}, when there is an {@code ingest} section.</li>
 * </ul>
 * {@code trustCloudFrontHeaders} defaults to true here: worker.js removes the viewer's own {@code cloudfront-*}
 * headers and sets the ones it derives from {@code request.cf} (country, ASN, JA3/JA4 where Cloudflare gives them).
 */
final class WorkerConfig {

    static final String CONFIG = "EDGEWARD_CONFIG";
    static final String COOKIE_KEYS = "EDGEWARD_COOKIE_KEYS";
    static final String PROTECTOR_API_KEY = "EDGEWARD_PROTECTOR_API_KEY";
    static final String INGEST_API_KEY = "EDGEWARD_INGEST_API_KEY";

    private WorkerConfig() {
    }

    /** Reads and validates; @throws ConfigException naming the binding or key at fault (never a secret's value). */
    static EdgeConfig from(JSObject env, NodeJson json) {
        Map<String, Object> root = document(env, json);
        String cookieKeys = JsAccess.string(env, COOKIE_KEYS);
        if (cookieKeys != null) {
            Map<String, Object> keys;
            try {
                keys = json.parseObject(cookieKeys);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(COOKIE_KEYS + " must be a JSON object of key id to base64url secret");
            }
            section(root, "cookie").put("keys", keys);
        }
        String protectorKey = JsAccess.string(env, PROTECTOR_API_KEY);
        if (protectorKey != null) {
            section(root, "protector").put("apiKey", protectorKey);
        }
        String ingestKey = JsAccess.string(env, INGEST_API_KEY);
        if (ingestKey != null && root.get("ingest") instanceof Map) {
            section(root, "ingest").put("apiKey", ingestKey);
        }
        if (!root.containsKey("trustCloudFrontHeaders")) {
            root.put("trustCloudFrontHeaders", Boolean.TRUE);
        }
        return EdgeConfig.fromJson(root);
    }

    private static Map<String, Object> document(JSObject env, NodeJson json) {
        String text = JsAccess.string(env, CONFIG);
        if (text != null) {
            try {
                return new LinkedHashMap<>(json.parseObject(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(CONFIG + " is not a JSON object: " + e.getMessage());
            }
        }
        if (JsAccess.isObject(env, CONFIG)) {
            return new LinkedHashMap<>(json.objectFromJs(JsAccess.get(env, CONFIG)));
        }
        throw new ConfigException(CONFIG + " is not set: bind the edge configuration (docs/cloudflare.md)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String name) {
        Object value = root.get(name);
        Map<String, Object> copy = value instanceof Map ? new LinkedHashMap<>((Map<String, Object>) value)
                : new LinkedHashMap<>();
        root.put(name, copy);
        return copy;
    }
}
