package io.edgeward.protector.challenge.events;

import io.edgeward.env.kafka.KafkaClientSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes challenge events to the challenges topic without ever holding up the caller. {@link #publish} only
 * offers the event to a bounded queue ({@link #QUEUE_CAPACITY}); one sender thread encodes and hands events to the
 * Kafka producer. The producer may wait for metadata or buffer space (the first send after start or after idling,
 * a broker down), but only that thread waits, at most {@code max.block.ms}; meanwhile the queue fills and further
 * events are dropped. Memory is bounded by the queue and {@code buffer.memory}. Every event that is not written (queue
 * full, send refused, delivery failed) is counted in {@code edgeward_protector_challenge_events_dropped_total}; none
 * is logged, since a flood is exactly when drops happen. Telemetry, so {@code acks=1} and no retries past the delivery
 * timeout.
 */
public final class KafkaChallengeEvents implements ChallengeEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaChallengeEvents.class);
    static final int QUEUE_CAPACITY = 10_000;
    static final long BUFFER_MEMORY = 4L << 20;
    static final Duration MAX_BLOCK = Duration.ofSeconds(1);
    public static final String DROPPED_METRIC = "edgeward.protector.challenge.events.dropped";

    private final String topic;
    private final Producer<String, byte[]> producer;
    private final BlockingQueue<ChallengeEvent> queue;
    private final Counter dropped;
    private final Thread sender;
    private volatile boolean running = true;

    KafkaChallengeEvents(KafkaClientSettings kafka, String topic, MeterRegistry registry, int queueCapacity) {
        this.topic = topic;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.dropped = Counter.builder(DROPPED_METRIC)
                .description("Challenge events not written to the challenges topic (queue full, broker refused or down)")
                .register(registry);
        this.producer = new KafkaProducer<>(producerProperties(kafka), new StringSerializer(), new ByteArraySerializer());
        this.sender = new Thread(this::run, "challenge-events");
        this.sender.setDaemon(true);
    }

    /** A running publisher to {@code topic}; its drop counter registered in {@code registry}. */
    public static KafkaChallengeEvents start(KafkaClientSettings kafka, String topic, MeterRegistry registry) {
        return start(kafka, topic, registry, QUEUE_CAPACITY);
    }

    /** As above with a queue of {@code capacity} events (tests use a small one to see it fill). */
    public static KafkaChallengeEvents start(KafkaClientSettings kafka, String topic, MeterRegistry registry,
                                             int capacity) {
        KafkaChallengeEvents events = new KafkaChallengeEvents(kafka, topic, registry, capacity);
        events.sender.start();
        log.info("challenges.events publishing topic={} queue={}", topic, capacity);
        return events;
    }

    static Map<String, Object> producerProperties(KafkaClientSettings kafka) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "protector-challenge-events");
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return props;
    }

    @Override
    public void publish(ChallengeEvent event) {
        if (!running || !queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Events not written since start. */
    public long dropped() {
        return (long) dropped.count();
    }

    private void run() {
        while (running) {
            ChallengeEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event != null) {
                send(event);
            }
        }
    }

    private void send(ChallengeEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, null, event.time().toEpochMilli(), event.key(),
                    ChallengeEventJson.encode(event)), (metadata, failure) -> {
                if (failure != null) {
                    dropped.increment();
                }
            });
        } catch (RuntimeException refused) {
            // no metadata or buffer space within max.block.ms, or the producer closing: the event is lost, counted
            dropped.increment();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sender.join(MAX_BLOCK.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropped.increment(queue.size());
        queue.clear();
        producer.close(Duration.ofSeconds(2));
    }
}
