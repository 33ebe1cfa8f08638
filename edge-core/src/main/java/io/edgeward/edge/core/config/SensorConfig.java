package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * The browser sensor's {@code sensor} section (docs/browser-signals.md "Settings").
 *
 * @param enabled              {@code sensor.enabled}, default true: the edge serves {@code /.edgeward/s.js} and
 *                             relays {@code /.edgeward/signals}; false forwards both paths to the origin like any other
 * @param expected             {@code sensor.expected}, default false: every HTML page of the site carries the sensor
 *                             tag, so a session that loads {@code pagesWithoutReport} pages without a report is sent
 *                             to Protector as suspect. Never learned from traffic: anyone can fetch the script, and
 *                             a site that tags only some pages would then challenge its readers
 * @param pagesWithoutReport   {@code sensor.pagesWithoutReport}, default 4 (1 to 100): HTML pages a session may load
 *                             without a sensor report before the next one is judged by Protector as suspect
 * @param nonceLifetimeMillis  {@code sensor.nonceLifetime}, default {@code PT10M} ({@code PT30S} to {@code PT1H}): how
 *                             long a report nonce the edge issued stays usable
 * @param reportDelayMillis    {@code sensor.reportDelay}, default {@code PT3S} ({@code PT0S} to {@code PT1M}): how long
 *                             the script gathers input evidence before it reports (it reports earlier when the page
 *                             is hidden or left, and at once when it sees automation markers)
 * @param reportTimeoutMillis  {@code sensor.reportTimeout}, default {@code PT1S} ({@code > 0}, at most {@code PT10S}):
 *                             how long the relay of a report waits for Protector
 */
public record SensorConfig(boolean enabled, boolean expected, int pagesWithoutReport, long nonceLifetimeMillis,
                           long reportDelayMillis, long reportTimeoutMillis) {

    static final Set<String> KEYS = Set.of("enabled", "expected", "pagesWithoutReport", "nonceLifetime",
            "reportDelay", "reportTimeout");

    public SensorConfig {
        if (pagesWithoutReport < 1 || pagesWithoutReport > 100) {
            throw new ConfigException("sensor.pagesWithoutReport must be between 1 and 100, was " + pagesWithoutReport);
        }
        if (nonceLifetimeMillis < 30_000 || nonceLifetimeMillis > 3_600_000) {
            throw new ConfigException("sensor.nonceLifetime must be between PT30S and PT1H, was "
                    + IsoDuration.format(nonceLifetimeMillis));
        }
        if (reportDelayMillis < 0 || reportDelayMillis > 60_000) {
            throw new ConfigException("sensor.reportDelay must be between PT0S and PT1M, was "
                    + IsoDuration.format(reportDelayMillis));
        }
        if (reportTimeoutMillis <= 0 || reportTimeoutMillis > 10_000) {
            throw new ConfigException("sensor.reportTimeout must be > 0 and <= PT10S, was "
                    + IsoDuration.format(reportTimeoutMillis));
        }
    }

    public static SensorConfig defaults() {
        return new SensorConfig(true, false, 4, 600_000, 3000, 1000);
    }

    public long nonceLifetimeSeconds() {
        return nonceLifetimeMillis / 1000;
    }

    static SensorConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("sensor", section, KEYS);
        return new SensorConfig(reader.bool("enabled", true), reader.bool("expected", false),
                reader.integer("pagesWithoutReport", 4), reader.durationMillis("nonceLifetime", "PT10M"),
                reader.durationMillis("reportDelay", "PT3S"), reader.durationMillis("reportTimeout", "PT1S"));
    }
}
