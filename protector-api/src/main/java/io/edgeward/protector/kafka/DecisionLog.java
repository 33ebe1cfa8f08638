package io.edgeward.protector.kafka;

import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionKey;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;

/**
 * Writes decisions and tombstones to the decisions topic (acks=all, idempotent). Protector never changes its
 * store directly: every instance, this one included, learns of a write by reading the topic.
 */
public final class DecisionLog implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final DecisionCodec codec;

    public DecisionLog(String bootstrapServers, String topic, DecisionCodec codec, Duration deliveryTimeout) {
        this(KafkaClientSettings.plaintext(bootstrapServers), topic, codec, deliveryTimeout);
    }

    public DecisionLog(KafkaClientSettings kafka, String topic, DecisionCodec codec, Duration deliveryTimeout) {
        this.producer = new KafkaProducer<>(properties(kafka, deliveryTimeout));
        this.topic = topic;
        this.codec = codec;
    }

    /** The shared connection and security settings, then this producer's durability and timeouts. */
    static Properties properties(KafkaClientSettings kafka, Duration deliveryTimeout) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "protector-admin");
        int timeoutMs = (int) Math.max(1_000, deliveryTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(timeoutMs, 30_000)));
        // Kafka requires delivery >= linger (0) + request timeout, which the cap above keeps true
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(timeoutMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeoutMs));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    public Future<RecordMetadata> put(Decision decision) {
        return producer.send(new ProducerRecord<>(topic, decision.key().toKafkaKey(), codec.encode(decision)));
    }

    public Future<RecordMetadata> remove(DecisionKey key) {
        return producer.send(new ProducerRecord<>(topic, key.toKafkaKey(), null));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
