package io.edgeward.protector.kafka;

import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.InvalidDecisionException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a {@link DecisionStore} equal to the decisions topic: assigns every partition (no consumer group, so
 * every instance reads everything), reads from the beginning, and applies each record in order. It is
 * {@linkplain #caughtUp() caught up} once it has read to the end offsets seen at start; that is readiness.
 * Writers wait with {@link #awaitApplied} until their own record is in this instance's store.
 */
public final class DecisionMaterializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DecisionMaterializer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final DecisionStore store;
    private final DecisionCodec codec;
    private final Thread thread;
    private final Object progress = new Object();
    private final Map<Integer, Long> applied = new HashMap<>(); // guarded by progress: next offset to apply
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private Map<TopicPartition, Long> startEndOffsets;

    public DecisionMaterializer(String bootstrapServers, String topic, DecisionStore store, DecisionCodec codec) {
        this(KafkaClientSettings.plaintext(bootstrapServers), topic, store, codec);
    }

    public DecisionMaterializer(KafkaClientSettings kafka, String topic, DecisionStore store, DecisionCodec codec) {
        this.consumer = new KafkaConsumer<>(properties(kafka));
        this.topic = topic;
        this.store = store;
        this.codec = codec;
        this.thread = new Thread(this::run, "decisions-materializer");
        this.thread.setDaemon(true);
    }

    /** The shared connection and security settings; no group: every instance reads every partition. */
    static Properties properties(KafkaClientSettings kafka) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "protector-materializer");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            startEndOffsets = endOffsets(partitions);
            log.info("decisions.materializer topic={} partitions={} endOffsets={}", topic, partitions.size(),
                    startEndOffsets.values().stream().mapToLong(Long::longValue).sum());
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    for (ConsumerRecord<String, byte[]> r : records) {
                        apply(r);
                    }
                    recordProgress(partitions);
                } catch (RetriableException e) {
                    // Kafka away: keep serving what we have, keep trying.
                    log.warn("decisions.materializer retrying: {}", e.toString());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (Throwable t) {
            failure = t;
            log.error("decisions.materializer stopped: {}", t.toString(), t);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
                log.warn("decisions.materializer topic={} not found yet; retrying", topic);
            } catch (RetriableException e) {
                log.warn("decisions.materializer topic={} metadata unavailable ({}); retrying", topic, e.toString());
            }
        }
        throw new WakeupException();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        while (true) {
            try {
                return consumer.endOffsets(partitions, Duration.ofSeconds(10));
            } catch (RetriableException e) {
                log.warn("decisions.materializer end offsets unavailable ({}); retrying", e.toString());
                if (!running) {
                    throw new WakeupException();
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        try {
            DecisionCodec.Change change = codec.decode(r.key(), r.value());
            change.decision().ifPresentOrElse(store::put, () -> store.remove(change.key()));
        } catch (InvalidDecisionException e) {
            rejected.incrementAndGet();
            log.warn("decisions.record rejected partition={} offset={}: {}", r.partition(), r.offset(), e.getMessage());
        }
    }

    private void recordProgress(List<TopicPartition> partitions) {
        boolean done = true;
        synchronized (progress) {
            for (TopicPartition tp : partitions) {
                long position = consumer.position(tp);
                applied.put(tp.partition(), position);
                if (position < startEndOffsets.getOrDefault(tp, 0L)) {
                    done = false;
                }
            }
            progress.notifyAll();
        }
        if (done && !caughtUp) {
            caughtUp = true;
            log.info("decisions.materializer caught up entries={}", store.size());
        }
    }

    /** Blocks until the record at {@code offset} of {@code partition} is applied to the store. */
    public void awaitApplied(int partition, long offset, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (applied.getOrDefault(partition, 0L) <= offset) {
                if (failure != null || !running) {
                    throw new IllegalStateException("decisions materializer is not running", failure);
                }
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    throw new TimeoutException("record " + partition + "@" + offset + " not applied within " + timeout);
                }
                progress.wait(remainingMs);
            }
        }
    }

    public boolean caughtUp() {
        return caughtUp && failure == null && thread.isAlive();
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
