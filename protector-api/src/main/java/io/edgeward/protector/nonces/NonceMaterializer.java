package io.edgeward.protector.nonces;

import io.edgeward.env.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the spent-nonce topic into {@link SpentNonces}: every partition, no consumer group (every instance reads
 * everything), from the beginning, so a restarted instance knows the nonces spent while it was away. Caught up once
 * it has read to the end offsets seen at start; that is part of Protector's readiness. A record this instance wrote
 * itself comes back too and changes nothing (the nonce is already spent here).
 */
public final class NonceMaterializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NonceMaterializer.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final SpentNonces spent;
    private final Thread thread;
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    public NonceMaterializer(KafkaClientSettings kafka, String topic, SpentNonces spent) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "protector-nonces");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.topic = topic;
        this.spent = spent;
        this.thread = new Thread(this::run, "nonces-materializer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = endOffsets(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                        apply(r);
                    }
                    if (!caughtUp && partitions.stream().allMatch(tp -> consumer.position(tp) >= startEnd.get(tp))) {
                        caughtUp = true;
                        log.info("nonces.materializer caught up topic={} entries={}", topic, spent.size());
                    }
                } catch (RetriableException e) {
                    log.warn("nonces.materializer retrying: {}", e.toString());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable t) {
            log.error("nonces.materializer stopped: {}", t.toString(), t);
        } finally {
            caughtUp = false;
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                log.warn("nonces.materializer topic={} not found yet; retrying", topic);
            } catch (RetriableException e) {
                log.warn("nonces.materializer topic={} metadata unavailable ({}); retrying", topic, e.toString());
            }
        }
        throw new WakeupException();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        while (running) {
            try {
                return consumer.endOffsets(partitions, Duration.ofSeconds(10));
            } catch (RetriableException e) {
                log.warn("nonces.materializer end offsets unavailable ({}); retrying", e.toString());
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, String> r) {
        try {
            spent.remember(r.key(), Instant.ofEpochSecond(Long.parseLong(r.value())));
        } catch (RuntimeException e) { // null key or value, not a number
            rejected.incrementAndGet();
            log.debug("nonces.record rejected partition={} offset={}", r.partition(), r.offset());
        }
    }

    public boolean caughtUp() {
        return caughtUp && thread.isAlive();
    }

    public long rejectedRecords() {
        return rejected.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
