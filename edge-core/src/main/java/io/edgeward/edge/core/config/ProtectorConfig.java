package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * Where and how the edge asks Protector. Defaults: timeout {@code PT0.1S}; breaker opens after 5 consecutive
 * failures for {@code PT30S}; at most {@code rate.perSecond} 200 calls a second with bursts of {@code rate.burst}
 * 400 per edge environment (beyond it, checks of visitors without a usable cookie are shed: they fail open at once
 * instead of queueing into timeouts). {@code url} (http or https, no trailing path needed) and {@code apiKey} are
 * required.
 */
public record ProtectorConfig(String url, String apiKey, long timeoutMillis, int breakerFailures,
                              long breakerOpenMillis, int ratePerSecond, int rateBurst) {

    static final Set<String> KEYS = Set.of("url", "apiKey", "timeout", "breaker", "rate");
    static final Set<String> BREAKER_KEYS = Set.of("failures", "open");
    static final Set<String> RATE_KEYS = Set.of("perSecond", "burst");

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
        if (ratePerSecond < 1 || ratePerSecond > 1_000_000) {
            throw new ConfigException("protector.rate.perSecond must be between 1 and 1000000, was " + ratePerSecond);
        }
        if (rateBurst < 1 || rateBurst > 1_000_000) {
            throw new ConfigException("protector.rate.burst must be between 1 and 1000000, was " + rateBurst);
        }
    }

    /** The check endpoint. */
    public String checkUrl() {
        return url + "/v1/check";
    }

    @Override
    public String toString() {
        return "ProtectorConfig[url=" + url + ", apiKey=***, timeoutMillis=" + timeoutMillis + ", breakerFailures="
                + breakerFailures + ", breakerOpenMillis=" + breakerOpenMillis + ", ratePerSecond=" + ratePerSecond
                + ", rateBurst=" + rateBurst + "]";
    }

    static ProtectorConfig read(Object section) {
        if (section == null) {
            throw new ConfigException("protector is required (url, apiKey)");
        }
        ConfigReader reader = ConfigReader.section("protector", section, KEYS);
        ConfigReader breaker = ConfigReader.section("protector.breaker", reader.raw("breaker"), BREAKER_KEYS);
        ConfigReader rate = ConfigReader.section("protector.rate", reader.raw("rate"), RATE_KEYS);
        return new ProtectorConfig(reader.requiredString("url"), reader.requiredString("apiKey"),
                reader.durationMillis("timeout", "PT0.1S"), breaker.integer("failures", 5),
                breaker.durationMillis("open", "PT30S"), rate.integer("perSecond", 200), rate.integer("burst", 400));
    }
}
