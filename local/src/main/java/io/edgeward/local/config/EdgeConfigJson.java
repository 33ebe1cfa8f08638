package io.edgeward.local.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.edge.core.config.EdgeDefaults;

/**
 * The edge configuration ({@code edgeward-edge.json}, shape in docs/contracts.md) that the local front gives both
 * edge functions: this run's cookie key, Protector and ingest on their local ports with their keys, and the mode.
 */
public final class EdgeConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeConfigJson() {
    }

    public static ObjectNode build(LocalConfig config, String protectorUrl, String ingestUrl) {
        LocalSecrets secrets = config.secrets();
        ObjectNode root = defaults();
        ObjectNode cookie = (ObjectNode) root.get("cookie");
        cookie.putObject("keys").put("local", secrets.cookieKey());
        cookie.put("signingKey", "local");
        root.putObject("checkInterval").put("initial", config.checkIntervalInitial().toString())
                .put("max", config.checkIntervalMax().toString());
        root.put("mode", config.mode());
        root.putObject("blocks").put("carryMax", config.blockCarryMax().toString());
        // The local front adds the cloudfront-viewer-* headers itself before the viewer-request function runs.
        root.put("trustCloudFrontHeaders", true);
        ((ObjectNode) root.get("protector")).put("url", protectorUrl).put("apiKey", secrets.edgeKey())
                .put("timeout", config.protectorTimeout().toString());
        ((ObjectNode) root.get("ingest")).put("url", ingestUrl).put("apiKey", secrets.ingestKey())
                .put("batchSize", config.shipperBatchSize()).put("maxAge", config.shipperMaxAge().toString())
                .put("timeout", config.shipperTimeout().toString());
        ObjectNode logging = (ObjectNode) root.get("logging");
        config.logSkipExtensions().forEach(logging.putArray("skipExtensions")::add);
        // Easier than deployed: the local proof of work solves fast on a laptop.
        ((ObjectNode) root.get("challenge")).put("difficulty", 16);
        return root;
    }

    /** The edge configuration contract's defaults, as edge-core exports them. */
    private static ObjectNode defaults() {
        try {
            return (ObjectNode) JSON.readTree(EdgeDefaults.DOCUMENT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in edge defaults are not JSON", e);
        }
    }

    public static String toJson(ObjectNode node) {
        return node.toPrettyString();
    }
}
