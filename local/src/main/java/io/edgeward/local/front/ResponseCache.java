package io.edgeward.local.front;

import io.edgeward.emulator.EdgeResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A small edge cache, enough for cache hits to exist locally: GET 200 responses whose {@code Cache-Control} allows
 * shared caching for a positive {@code s-maxage}/{@code max-age}, keyed by host + uri + query. It stores the response
 * after the origin-response function ran, as CloudFront does. Bounded by entry count; expired entries are dropped
 * on read and when full.
 */
final class ResponseCache {

    /** A cached response and the time it was stored (for {@code Age}). */
    record Entry(EdgeResponse response, Instant storedAt, Instant expiresAt) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    Optional<Entry> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void putIfCacheable(String method, String key, EdgeResponse response) {
        if (!"GET".equals(method) || response.status() != 200 || response.headers().contains("set-cookie")) {
            return;
        }
        OptionalLong ttl = sharedTtlSeconds(response.headers().first("cache-control").orElse(""));
        if (ttl.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(key, new Entry(response, now, now.plusSeconds(ttl.getAsLong())));
    }

    /** Seconds a shared cache may keep a response with this Cache-Control, or empty when it must not. */
    static OptionalLong sharedTtlSeconds(String cacheControl) {
        long maxAge = -1;
        long sMaxAge = -1;
        for (String part : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String directive = part.trim();
            if (directive.equals("no-store") || directive.equals("private") || directive.equals("no-cache")) {
                return OptionalLong.empty();
            }
            if (directive.startsWith("s-maxage=")) {
                sMaxAge = seconds(directive.substring("s-maxage=".length()));
            } else if (directive.startsWith("max-age=")) {
                maxAge = seconds(directive.substring("max-age=".length()));
            }
        }
        long ttl = sMaxAge >= 0 ? sMaxAge : maxAge;
        return ttl > 0 ? OptionalLong.of(ttl) : OptionalLong.empty();
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int size() {
        return entries.size();
    }
}
