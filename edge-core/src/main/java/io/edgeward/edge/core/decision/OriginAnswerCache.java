package io.edgeward.edge.core.decision;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent allow, monitor and block answers of the origin-request function, so that a visitor costs Protector about
 * one scoped check per check interval, not one per cache miss (CloudFront-Viewer-Country is on nearly every
 * request). Challenge answers are never kept: their offer is single-use. Bounded by design: at most
 * {@code maxEntries} (keys are at most a few hundred bytes: CloudFront's header values, a session id or an address);
 * when full, expired entries go first, then the oldest. Synchronized: the JVM target serves concurrent requests.
 */
final class OriginAnswerCache {

    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private record Entry(ProtectorAnswer answer, long expiresAtMillis) {
    }

    private final int maxEntries;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    OriginAnswerCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The kept answer, or null when there is none or it expired. */
    synchronized ProtectorAnswer get(String key, long nowMillis) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.remove(key);
            return null;
        }
        return entry.answer();
    }

    /** Keeps an allow, monitor or block answer for {@code ttlMillis}; anything else, or ttl 0, is not kept. */
    synchronized void put(String key, ProtectorAnswer answer, long ttlMillis, long nowMillis) {
        if (ttlMillis <= 0 || answer.action() == Action.CHALLENGE) {
            return;
        }
        entries.remove(key);
        if (entries.size() >= maxEntries) {
            dropExpired(nowMillis);
        }
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() >= maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry(answer, nowMillis + ttlMillis));
    }

    synchronized int size() {
        return entries.size();
    }

    private void dropExpired(long nowMillis) {
        Iterator<Map.Entry<String, Entry>> all = entries.entrySet().iterator();
        while (all.hasNext()) {
            if (nowMillis >= all.next().getValue().expiresAtMillis()) {
                all.remove();
            }
        }
    }
}
