package io.edgeward.console.figures.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries of a running application, one store instance per partition of the store's source topic that
 * this instance's active tasks hold (every partition: each console instance has its own application id).
 */
public final class StreamsStoreAccess implements StoreAccess {

    private final KafkaStreams streams;
    private final Map<String, String> sourceTopicByStore;

    /** @param sourceTopicByStore the topic feeding each store (see {@link FiguresTopology}) */
    public StreamsStoreAccess(KafkaStreams streams, Map<String, String> sourceTopicByStore) {
        this.streams = streams;
        this.sourceTopicByStore = Map.copyOf(sourceTopicByStore);
    }

    @Override
    public <V> List<ReadOnlyWindowStore<String, V>> windowStores(String name) {
        String topic = sourceTopicByStore.get(name);
        if (topic == null) {
            return List.of();
        }
        List<ReadOnlyWindowStore<String, V>> stores = new ArrayList<>();
        for (int partition : partitions(topic)) {
            try {
                stores.add(streams.store(StoreQueryParameters.fromNameAndType(name,
                        QueryableStoreTypes.<String, V>windowStore()).withPartition(partition)));
            } catch (InvalidStateStoreException e) {
                // that task is moving or restoring: the figures show the others
            }
        }
        return stores;
    }

    private Set<Integer> partitions(String topic) {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().equals(topic)) {
                        partitions.add(tp.partition());
                    }
                }
            }
        }
        return partitions;
    }
}
