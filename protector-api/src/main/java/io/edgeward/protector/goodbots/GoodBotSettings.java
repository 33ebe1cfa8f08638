package io.edgeward.protector.goodbots;

import java.time.Duration;

/**
 * How good-bot verification caches and runs.
 *
 * @param positiveTtl how long a confirmed address stays verified (default 1 h)
 * @param negativeTtl how long a failed or errored verification is remembered (default 10 min)
 * @param cacheSize   most cached results (default 100,000; least recently used go first)
 * @param threads     DNS worker threads (default 2)
 * @param queueSize   verifications waiting for a worker before new ones are dropped (default 1,000)
 */
public record GoodBotSettings(Duration positiveTtl, Duration negativeTtl, int cacheSize, int threads, int queueSize) {

    public static GoodBotSettings defaults() {
        return new GoodBotSettings(Duration.ofHours(1), Duration.ofMinutes(10), 100_000, 2, 1_000);
    }

    public GoodBotSettings {
        if (positiveTtl == null || positiveTtl.isNegative() || positiveTtl.isZero()) {
            throw new IllegalArgumentException("goodBots.positiveTtl must be > 0, was " + positiveTtl);
        }
        if (negativeTtl == null || negativeTtl.isNegative() || negativeTtl.isZero()) {
            throw new IllegalArgumentException("goodBots.negativeTtl must be > 0, was " + negativeTtl);
        }
        if (cacheSize < 1 || threads < 1 || queueSize < 1) {
            throw new IllegalArgumentException("goodBots cacheSize, threads and queueSize must be >= 1, were "
                    + cacheSize + ", " + threads + ", " + queueSize);
        }
    }
}
