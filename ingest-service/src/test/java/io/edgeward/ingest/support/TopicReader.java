package io.edgeward.ingest.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic back from the beginning, without a consumer group. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /** Reads with these connection (and security) properties. */
    public TopicReader(Map<String, Object> connection, String topic) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and returns everything read so far. */
    public List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    /** The sum of the partitions' end offsets: how many records the topic ever held. */
    public long endOffsets() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
