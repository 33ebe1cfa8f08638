package io.edgeward.local.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cookie = root.putObject("cookie").put("name", "__Host-ew").put("lifetime", "PT24H");
        cookie.putObject("keys").put("local", secrets.cookieKey());
        cookie.put("signingKey", "local");
        root.putObject("checkInterval").put("initial", config.checkIntervalInitial().toString())
                .put("max", config.checkIntervalMax().toString());
        root.put("mode", config.mode());
        root.putObject("blocks").put("carryMax", config.blockCarryMax().toString());
        // The local front adds the cloudfront-viewer-* headers itself before the viewer-request function runs.
        root.put("trustCloudFrontHeaders", true);
        root.putArray("routes");
        ObjectNode exclude = root.putObject("exclude");
        exclude.putArray("pathPrefixes").add("/.well-known/");
        exclude.putArray("extensions").add("css").add("js").add("png").add("jpg").add("gif").add("svg").add("ico")
                .add("woff2");
        ObjectNode protector = root.putObject("protector").put("url", protectorUrl).put("apiKey", secrets.edgeKey())
                .put("timeout", config.protectorTimeout().toString());
        protector.putObject("breaker").put("failures", 5).put("open", "PT30S");
        root.putObject("ingest").put("url", ingestUrl).put("apiKey", secrets.ingestKey())
                .put("batchSize", config.shipperBatchSize()).put("maxAge", config.shipperMaxAge().toString())
                .put("queueLimit", 1000).put("timeout", config.shipperTimeout().toString());
        ObjectNode logging = root.putObject("logging");
        config.logSkipExtensions().forEach(logging.putArray("skipExtensions")::add);
        logging.putArray("maskQueryParams").add("password").add("token").add("code").add("session");
        logging.putArray("maskBodyFields").add("password");
        root.putObject("challenge").put("provider", "pow").put("difficulty", 16).putNull("siteKey");
        return root;
    }

    public static String toJson(ObjectNode node) {
        return node.toPrettyString();
    }
}
