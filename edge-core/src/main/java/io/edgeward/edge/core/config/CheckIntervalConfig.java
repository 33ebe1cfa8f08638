package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * How long a Protector answer is cached in the cookie: {@code initial * 2^gen}, capped at {@code max}, where
 * {@code gen} counts the session's consecutive good checks. Defaults: initial {@code PT5S}, max {@code PT60S}.
 */
public record CheckIntervalConfig(long initialMillis, long maxMillis) {

    static final Set<String> KEYS = Set.of("initial", "max");

    public CheckIntervalConfig {
        if (initialMillis < 1000) {
            throw new ConfigException("checkInterval.initial must be at least PT1S, was "
                    + IsoDuration.format(initialMillis));
        }
        if (maxMillis < initialMillis) {
            throw new ConfigException("checkInterval.max must be >= checkInterval.initial ("
                    + IsoDuration.format(initialMillis) + "), was " + IsoDuration.format(maxMillis));
        }
    }

    /** The interval for a session with {@code generation} consecutive good checks. */
    public long intervalMillis(int generation) {
        long interval = initialMillis;
        for (int i = 0; i < generation && interval < maxMillis; i++) {
            interval *= 2;
        }
        return Math.min(interval, maxMillis);
    }

    static CheckIntervalConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("checkInterval", section, KEYS);
        return new CheckIntervalConfig(reader.durationMillis("initial", "PT5S"), reader.durationMillis("max", "PT60S"));
    }
}
