package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * Where and how the edge asks Protector. Defaults: timeout {@code PT0.1S}; breaker opens after 5 consecutive
 * failures for {@code PT30S}. {@code url} (http or https, no trailing path needed) and {@code apiKey} are required.
 */
public record ProtectorConfig(String url, String apiKey, long timeoutMillis, int breakerFailures,
                              long breakerOpenMillis) {

    static final Set<String> KEYS = Set.of("url", "apiKey", "timeout", "breaker");
    static final Set<String> BREAKER_KEYS = Set.of("failures", "open");

    public ProtectorConfig {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new ConfigException("protector.url must be an http or https URL, was " + url);
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (apiKey == null || apiKey.isEmpty()) {
            throw new ConfigException("protector.apiKey is required");
        }
        if (timeoutMillis <= 0 || timeoutMillis > 30_000) {
            throw new ConfigException("protector.timeout must be > 0 and <= PT30S, was "
                    + IsoDuration.format(timeoutMillis));
        }
        if (breakerFailures < 1) {
            throw new ConfigException("protector.breaker.failures must be >= 1, was " + breakerFailures);
        }
        if (breakerOpenMillis <= 0) {
            throw new ConfigException("protector.breaker.open must be > 0, was " + IsoDuration.format(breakerOpenMillis));
        }
    }

    /** The check endpoint. */
    public String checkUrl() {
        return url + "/v1/check";
    }

    @Override
    public String toString() {
        return "ProtectorConfig[url=" + url + ", apiKey=***, timeoutMillis=" + timeoutMillis + ", breakerFailures="
                + breakerFailures + ", breakerOpenMillis=" + breakerOpenMillis + "]";
    }

    static ProtectorConfig read(Object section) {
        if (section == null) {
            throw new ConfigException("protector is required (url, apiKey)");
        }
        ConfigReader reader = ConfigReader.section("protector", section, KEYS);
        ConfigReader breaker = ConfigReader.section("protector.breaker", reader.raw("breaker"), BREAKER_KEYS);
        return new ProtectorConfig(reader.requiredString("url"), reader.requiredString("apiKey"),
                reader.durationMillis("timeout", "PT0.1S"), breaker.integer("failures", 5),
                breaker.durationMillis("open", "PT30S"));
    }
}
