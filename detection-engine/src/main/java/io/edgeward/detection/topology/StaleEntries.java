package io.edgeward.detection.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The forgetting every processor's punctuator does: entries last active before a cut-off are deleted. */
final class StaleEntries {

    private StaleEntries() {
    }

    /**
     * Deletes the entries of {@code store} whose {@code lastActivity} (epoch millis, read from the stored bytes)
     * is before {@code oldest}; returns how many. Keys are collected first: a store is not changed while iterated.
     */
    static int delete(KeyValueStore<String, byte[]> store, ToLongFunction<byte[]> lastActivity, long oldest) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (lastActivity.applyAsLong(kv.value) < oldest) {
                    stale.add(kv.key);
                }
            });
        }
        stale.forEach(store::delete);
        return stale.size();
    }

    /**
     * Keeps {@code store} within {@code maxEntries}: when it holds more, the least recently active entries are
     * deleted until it does (ties at the cut-off go too). Returns how many were deleted. The count comes from the
     * store's estimate first, so a store within bounds costs no scan.
     */
    static int bound(KeyValueStore<String, byte[]> store, ToLongFunction<byte[]> lastActivity, int maxEntries) {
        if (store.approximateNumEntries() <= maxEntries) {
            return 0;
        }
        List<String> keys = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> {
                keys.add(kv.key);
                times.add(lastActivity.applyAsLong(kv.value));
            });
        }
        int excess = keys.size() - maxEntries;
        if (excess <= 0) {
            return 0;
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        long cutOff = sorted[excess - 1];
        int deleted = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (times.get(i) <= cutOff) {
                store.delete(keys.get(i));
                deleted++;
            }
        }
        return deleted;
    }
}
