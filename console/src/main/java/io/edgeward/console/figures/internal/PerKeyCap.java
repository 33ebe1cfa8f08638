package io.edgeward.console.figures.internal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Caps how many events per key and minute the explain stores keep, so that one address sending thousands of
 * requests a second cannot fill them. Counts live in a count-min sketch (two rows of 65,536 counters, 512 KiB),
 * cleared when the minute turns: memory does not grow with the number of keys. A sketch only over-counts, so a key
 * may be capped early when it shares both cells with heavy keys; the rows are hashed with random seeds chosen at
 * start, so an attacker cannot pick keys that collide with a visitor's to hide that visitor's requests.
 */
public final class PerKeyCap {

    private static final int CELLS = 1 << 16;

    private final int perMinute;
    private final int[] rowA = new int[CELLS];
    private final int[] rowB = new int[CELLS];
    private final int seedA;
    private final int seedB;
    private long minute = Long.MIN_VALUE;

    public PerKeyCap(int perMinute) {
        this.perMinute = perMinute;
        SecureRandom random = new SecureRandom();
        seedA = random.nextInt();
        seedB = random.nextInt() | 1;
    }

    /** Whether one more event of {@code kind}/{@code key} at {@code timestamp} is still under the cap (and counts it). */
    public boolean admit(char kind, String key, long timestamp) {
        long m = Math.floorDiv(timestamp, 60_000L);
        if (m > minute) {
            minute = m;
            Arrays.fill(rowA, 0);
            Arrays.fill(rowB, 0);
        }
        int a = hash(seedA, kind, key) & (CELLS - 1);
        int b = hash(seedB, kind, key) & (CELLS - 1);
        if (Math.min(rowA[a], rowB[b]) >= perMinute) {
            return false;
        }
        rowA[a]++;
        rowB[b]++;
        return true;
    }

    private static int hash(int seed, char kind, String key) {
        int h = seed ^ kind;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x9E3779B1;
            h ^= h >>> 15;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
