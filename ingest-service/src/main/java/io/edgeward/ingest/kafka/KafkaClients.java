package io.edgeward.ingest.kafka;

import io.edgeward.ingest.IngestConfig;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the Kafka clients from the configuration; the settings that make ingest durable live here. */
public final class KafkaClients {

    static final int LINGER_MS = 5;
    private static final long MIN_BUFFER = 32L * 1024 * 1024;

    private KafkaClients() {
    }

    /**
     * An idempotent producer with {@code acks=all}: a record acknowledged is on every in-sync replica, and
     * retries never duplicate or reorder it. {@code delivery.timeout.ms} is the request timeout, so a batch's fate
     * is known by then. The buffer holds twice the in-flight bound, so {@code send} never blocks on memory.
     */
    public static Producer<byte[], byte[]> producer(IngestConfig config) {
        return new KafkaProducer<>(producerProperties(config));
    }

    /** The producer's settings: the shared connection and security settings, then ingest's durability. */
    static Properties producerProperties(IngestConfig config) {
        long deliveryMs = config.requestTimeout().toMillis();
        Properties props = new Properties();
        props.putAll(config.kafka().clientProperties());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "edgeward-ingest");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryMs - LINGER_MS));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(MIN_BUFFER, 2 * config.maxInFlightBytes()));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /** An admin client for topic creation and readiness probes; its calls time out within a few seconds. */
    public static Admin admin(IngestConfig config) {
        return Admin.create(adminProperties(config));
    }

    static Properties adminProperties(IngestConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka().clientProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "edgeward-ingest-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return props;
    }
}
