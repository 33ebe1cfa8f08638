package io.edgeward.protector.decision;

/**
 * The bound of one instance's decision memory (contract "Bounded by design").
 *
 * @param maxEntries most stored decisions and allowlist entries (default 2,000,000)
 * @param maxBytes   most estimated heap bytes they may hold (default 512 MiB); the estimate counts each entry, its
 *                   key and its map slot, not the strings shared between entries
 */
public record DecisionMemory(int maxEntries, long maxBytes) {

    public static DecisionMemory defaults() {
        return new DecisionMemory(2_000_000, 512L * 1024 * 1024);
    }

    public DecisionMemory {
        if (maxEntries < 100) {
            throw new IllegalArgumentException("protector.decisions.maxEntries must be >= 100, was " + maxEntries);
        }
        if (maxBytes < 1024 * 1024) {
            throw new IllegalArgumentException("protector.decisions.maxBytes must be >= 1048576, was " + maxBytes);
        }
    }
}
