package io.edgeward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a stack's log topic from the beginning and keeps every record seen, for assertions. */
final class LogsTopic implements AutoCloseable {

    /** A log record as it sits in Kafka: key, timestamp and the JSON value. */
    record Logged(String key, long timestamp, JsonNode value) {
        String requestId() {
            return value.path("requestId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Logged> seen = new ArrayList<>();

    LogsTopic(LocalStack stack) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        String topic = stack.config().logsTopic();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything seen so far, after one more poll. */
    List<Logged> records() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            try {
                seen.add(new Logged(record.key(), record.timestamp(), JSON.readTree(record.value())));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON in the logs topic: " + record.value(), e);
            }
        }
        return List.copyOf(seen);
    }

    List<Logged> withRequestId(String requestId) {
        return records().stream().filter(r -> r.requestId().equals(requestId)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
