package io.edgeward.edge.core.block;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent block answers of one edge environment, by key (a client address, or an address with a user-agent
 * binding). Bounded (DESIGN "Bounded by design"): at most {@code capacity} entries, keys longer than
 * {@link #MAX_KEY_LENGTH} are not kept, and when full the oldest entry goes first (a re-added key counts as new).
 * Expired entries are dropped when met. Synchronized: the JVM target serves concurrent requests.
 */
public final class BlockCache {

    static final int MAX_KEY_LENGTH = 160;

    /** A remembered block: enforced while {@code now < until}. */
    public record Entry(long until, String scope) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    /** {@code capacity} 0 keeps nothing. */
    public BlockCache(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    public synchronized void put(String key, long until, String scope, long nowSeconds) {
        if (capacity == 0 || key == null || key.length() > MAX_KEY_LENGTH || until <= nowSeconds) {
            return;
        }
        entries.remove(key);
        dropExpiredOldest(nowSeconds);
        while (entries.size() >= capacity) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry(until, scope));
    }

    /** The live entry for {@code key}, or null (an expired one is removed). */
    public synchronized Entry get(String key, long nowSeconds) {
        if (key == null || entries.isEmpty()) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.until() <= nowSeconds) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Expired entries at the old end go before a live one is evicted for room. */
    private void dropExpiredOldest(long nowSeconds) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().until() > nowSeconds) {
                return;
            }
            it.remove();
        }
    }
}
