package io.edgeward.edge.core.config;

/**
 * The edge configuration contract's defaults (docs/contracts.md "Edge configuration"), the one copy every producer
 * of an {@code edgeward-edge.json} starts from: the CDK app, the inline inspector and the local stack. What a
 * deployment must set itself is left empty: {@code cookie.keys}, {@code cookie.signingKey}, the Protector and
 * ingest {@code url} and {@code apiKey}. Sections the contract leaves optional ({@code blocks}, {@code alwaysServed},
 * {@code trustCloudFrontHeaders}) are absent, so the reader's own defaults apply.
 */
public final class EdgeDefaults {

    /** The defaults as a JSON object, for a producer to parse and fill in. */
    public static final String DOCUMENT = "{"
            + "\"cookie\":{\"name\":\"__Host-ew\",\"lifetime\":\"PT24H\",\"keys\":{},\"signingKey\":null},"
            + "\"checkInterval\":{\"initial\":\"PT5S\",\"max\":\"PT60S\"},"
            + "\"mode\":\"mitigate\","
            + "\"routes\":[],"
            + "\"exclude\":{\"pathPrefixes\":[\"/.well-known/\"],"
            + "\"extensions\":[\"css\",\"js\",\"png\",\"jpg\",\"gif\",\"svg\",\"ico\",\"woff2\"]},"
            + "\"protector\":{\"url\":null,\"apiKey\":null,\"timeout\":\"PT0.1S\","
            + "\"breaker\":{\"failures\":5,\"open\":\"PT30S\"}},"
            + "\"ingest\":{\"url\":null,\"apiKey\":null,\"batchSize\":50,\"maxAge\":\"PT2S\",\"queueLimit\":1000,"
            + "\"timeout\":\"PT1S\"},"
            + "\"logging\":{\"skipExtensions\":[],\"maskQueryParams\":[\"password\",\"token\",\"code\",\"session\"],"
            + "\"maskBodyFields\":[\"password\"]},"
            + "\"challenge\":{\"provider\":\"pow\",\"difficulty\":18,\"siteKey\":null}"
            + "}";

    /** The session cookie's name unless tuned. */
    public static final String COOKIE_NAME = "__Host-ew";

    private EdgeDefaults() {
    }
}
