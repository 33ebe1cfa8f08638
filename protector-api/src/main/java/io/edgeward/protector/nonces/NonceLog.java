package io.edgeward.protector.nonces;

import io.edgeward.env.kafka.KafkaClientSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes spent nonces to the spent-nonce topic with acks=all and waits (up to {@code timeout}) for the
 * acknowledgement, so a pass is answered only once the nonce is durable and on its way to every other instance.
 * The value is the challenge's expiry in epoch seconds, as decimal text.
 */
public final class NonceLog implements NoncePublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NonceLog.class);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Duration timeout;
    private final AtomicLong failures = new AtomicLong();

    public NonceLog(KafkaClientSettings kafka, String topic, Duration timeout) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "protector-nonces");
        // A pass must not wait on Kafka longer than the edge waits on us; metadata included.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public boolean publish(String nonce, Instant expiresAt) {
        try {
            producer.send(new ProducerRecord<>(topic, nonce, Long.toString(expiresAt.getEpochSecond())))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failures.incrementAndGet();
            log.warn("nonces.publish failed topic={}: {}", topic, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.incrementAndGet();
            return false;
        }
    }

    /** Publishes not confirmed within the timeout (the pass stood; the replay window on other instances widened). */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
