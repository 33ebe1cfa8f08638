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
}
