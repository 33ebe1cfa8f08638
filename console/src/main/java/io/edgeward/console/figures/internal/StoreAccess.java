package io.edgeward.console.figures.internal;

import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The local instances of a window store, one per input partition this instance holds. The queries read each
 * instance and merge: Kafka Streams' composite store answers a key lookup from the first instance holding the key,
 * which suits stores keyed like their topic but not these (every partition has a traffic bucket for the same
 * minute, and a session's requests arrive on its addresses' partitions). A running application and the
 * topology test driver both provide it.
 */
public interface StoreAccess {

    /** No stores: what the figures show before the application runs. */
    StoreAccess NONE = new StoreAccess() {
        @Override
        public <V> List<ReadOnlyWindowStore<String, V>> windowStores(String name) {
            return List.of();
        }
    };

    /** Every local instance of {@code name}; empty when there is none (a source left out, nothing assigned). */
    <V> List<ReadOnlyWindowStore<String, V>> windowStores(String name);
}
