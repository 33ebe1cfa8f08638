package io.edgeward.protector.nonces;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces of challenges already passed, each kept until its challenge expires (after that the token's own expiry
 * refuses it). Filled by this instance's passes and by the spent-nonce topic (other instances' passes).
 *
 * <p>Bounded in entries ({@code limit}; a nonce is at most {@link #MAX_NONCE_CHARS} characters, so also in bytes).
 * Only right answers enter, so an attacker fills it only by solving proofs of work (and within the verify budget).
 * It never refuses a claim: when full, expired entries go first, then the oldest claim, which is about the one
 * closest to expiry since every challenge has the same lifetime. What that costs is stated in docs/challenges.md.
 * Thread-safe; every operation is O(1) amortised.
 */
public final class SpentNonces {

    /** Protector's nonces are 22 characters (16 random bytes, base64url); anything much longer is not ours. */
    public static final int MAX_NONCE_CHARS = 64;

    private final int limit;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> spent = new LinkedHashMap<>(); // insertion order: oldest first
    private long evicted;

    public SpentNonces(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("spent nonce limit must be >= 1, was " + limit);
        }
        this.limit = limit;
        this.clock = clock;
    }

    /** Spends {@code nonce}: true when it was not spent yet (the caller's pass stands), false for a replay. */
    public synchronized boolean claim(String nonce, Instant expiresAt) {
        if (spent.containsKey(nonce)) {
            return false;
        }
        add(nonce, expiresAt);
        return true;
    }

    /** Records a nonce another instance spent (or our own, read back from the topic); expired ones are skipped. */
    public synchronized void remember(String nonce, Instant expiresAt) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_CHARS
                || !expiresAt.isAfter(clock.instant()) || spent.containsKey(nonce)) {
            return;
        }
        add(nonce, expiresAt);
    }

    public synchronized boolean isSpent(String nonce) {
        return spent.containsKey(nonce);
    }

    public synchronized int size() {
        return spent.size();
    }

    /** Unexpired entries pushed out because the set was full (each one a replay window reopened). */
    public synchronized long evicted() {
        return evicted;
    }

    /**
     * Drops the expired entries at the head (the oldest claims); run now and then. Costs only what it drops: entries
     * arrive about in expiry order, and one that expired out of order is harmless until it reaches the head (the
     * token's own expiry refuses it first).
     */
    public synchronized void purgeExpired() {
        dropExpiredHead();
    }

    private void add(String nonce, Instant expiresAt) {
        dropExpiredHead();
        if (spent.size() >= limit) {
            Instant now = clock.instant(); // full: a whole scan before anything unexpired is pushed out
            spent.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        Iterator<Map.Entry<String, Instant>> oldest = spent.entrySet().iterator();
        while (spent.size() >= limit && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
            evicted++;
        }
        spent.put(nonce, expiresAt);
    }

    /** The head is the oldest claim; dropping its expired run keeps the set small without a full scan. */
    private void dropExpiredHead() {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Instant>> it = spent.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
