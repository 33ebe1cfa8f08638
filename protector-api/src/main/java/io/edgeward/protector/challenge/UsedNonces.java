package io.edgeward.protector.challenge;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of challenges already answered, each kept until its challenge expires (after that the expiry check
 * rejects it anyway). Bounded: when full of unexpired entries a claim is refused ({@code FULL}), failing closed, and
 * the visitor gets a fresh challenge. Single use is per Protector instance (docs/challenges.md).
 */
final class UsedNonces {

    enum Claim { CLAIMED, REPLAYED, FULL }

    private final ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    UsedNonces(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    Claim claim(String nonce, Instant expiresAt) {
        if (used.size() >= limit) {
            purgeExpired();
            if (used.size() >= limit) {
                return Claim.FULL;
            }
        }
        return used.putIfAbsent(nonce, expiresAt) == null ? Claim.CLAIMED : Claim.REPLAYED;
    }

    void purgeExpired() {
        Instant now = clock.instant();
        used.values().removeIf(expiry -> !expiry.isAfter(now));
    }
}
