package io.edgeward.protector.challenge;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets keyed by something a client chooses (a session id, an address): each holds up to {@code capacity}
 * attempts and refills at {@code capacity} per {@code window}. Bounded: at most {@code tracked} keys, the least
 * recently used going first. Evicting a bucket is the same as refilling it, so the bound can only ever give budget
 * back, never deny it to a key that has some. Thread-safe.
 */
final class AttemptBudget {

    private final int capacity;
    private final double perNano;
    private final int tracked;
    private final Clock clock;
    private final LinkedHashMap<String, Bucket> buckets;

    AttemptBudget(int capacity, Duration window, int tracked, Clock clock) {
        this.capacity = capacity;
        this.perNano = capacity / (double) window.toNanos();
        this.tracked = tracked;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > AttemptBudget.this.tracked;
            }
        };
    }

    /** Takes one attempt from {@code key}'s bucket; false when it is empty. A null key is never limited. */
    synchronized boolean tryTake(String key) {
        if (key == null || key.isEmpty()) {
            return true;
        }
        long now = nanos();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        bucket.refill(now);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** Whole seconds until {@code key} has an attempt again (at least 1). */
    synchronized long secondsUntilNext(String key) {
        Bucket bucket = key == null ? null : buckets.get(key);
        if (bucket == null) {
            return 1;
        }
        bucket.refill(nanos());
        double missing = Math.max(0, 1 - bucket.tokens);
        return Math.max(1, (long) Math.ceil(missing / perNano / 1e9));
    }

    synchronized int size() {
        return buckets.size();
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perNano);
                at = now;
            }
        }
    }
}
