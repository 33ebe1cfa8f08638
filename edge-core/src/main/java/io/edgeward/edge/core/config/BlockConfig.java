package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * How the edge holds a block without Protector (DESIGN "Blocks hold"; docs/contracts.md C3).
 *
 * @param carryMaxMillis {@code blocks.carryMax}, default {@code PT5M}: the longest a block answer is carried in the
 *                       cookie ({@code bu}) or kept in the address cache, so an operator's unblock takes effect
 *                       within it. Between {@code PT1S} and {@code PT24H}.
 * @param cacheEntries   {@code blocks.cacheEntries}, default 4096: the most recent block answers kept by client
 *                       address in one edge environment (oldest evicted first); 0 turns the cache off.
 */
public record BlockConfig(long carryMaxMillis, int cacheEntries) {

    static final Set<String> KEYS = Set.of("carryMax", "cacheEntries");
    static final int MAX_CACHE_ENTRIES = 100_000;

    public BlockConfig {
        if (carryMaxMillis < 1000 || carryMaxMillis > 86_400_000L) {
            throw new ConfigException("blocks.carryMax must be between PT1S and PT24H, was "
                    + IsoDuration.format(carryMaxMillis));
        }
        if (cacheEntries < 0 || cacheEntries > MAX_CACHE_ENTRIES) {
            throw new ConfigException("blocks.cacheEntries must be between 0 and " + MAX_CACHE_ENTRIES + ", was "
                    + cacheEntries);
        }
    }

    public static BlockConfig defaults() {
        return new BlockConfig(300_000L, 4096);
    }

    public long carryMaxSeconds() {
        return carryMaxMillis / 1000;
    }

    static BlockConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("blocks", section, KEYS);
        return new BlockConfig(reader.durationMillis("carryMax", "PT5M"), reader.integer("cacheEntries", 4096));
    }
}
