package io.edgeward.detection;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.detection.policy.ReloadingPolicy;
import io.edgeward.detection.topology.DetectionTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detection topology: {@link #start(DetectionConfig)} starts Kafka Streams and the policy watcher and
 * returns a handle whose {@code close()} stops both. A log record that cannot be decoded is logged and sent to the
 * dead-letter topic; processing goes on.
 */
public final class DetectionEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);

    private final KafkaStreams streams;
    private final ScheduledExecutorService watcher;

    private DetectionEngine(KafkaStreams streams, ScheduledExecutorService watcher) {
        this.streams = streams;
        this.watcher = watcher;
    }

    public static DetectionEngine start(DetectionConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static DetectionEngine start(DetectionConfig config, Clock clock) {
        Supplier<DetectionPolicy> policy;
        ScheduledExecutorService watcher = null;
        if (config.policyFile() == null) {
            DetectionPolicy defaults = PolicyLoader.defaults();
            policy = () -> defaults;
            log.info("policy: bundled default");
        } else {
            ReloadingPolicy reloading = new ReloadingPolicy(config.policyFile());
            policy = reloading;
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "edgeward-policy-watcher");
                t.setDaemon(true);
                return t;
            });
            long every = config.policyReloadInterval().toMillis();
            watcher.scheduleWithFixedDelay(reloading::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
            log.info("policy: {} (checked every {})", config.policyFile(), config.policyReloadInterval());
        }
        DecisionsTopic.ensure(config);
        KafkaStreams streams = new KafkaStreams(DetectionTopology.build(policy, clock, config.topics(),
                config.windowChangelogs()),
                properties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed, replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
        log.info("detection engine started: app={} logs={} detections={} decisions={}", config.applicationId(),
                config.topics().logs(), config.topics().detections(), config.topics().decisions());
        return new DetectionEngine(streams, watcher);
    }

    static Properties properties(DetectionConfig config) {
        Properties p = new Properties();
        // connection and security first: they reach every client Streams creates (consumers, producers, admin)
        p.putAll(config.kafka().clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        // Kafka 5's default, taken now: no global store here, so nothing changes.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
        p.put(StreamsConfig.producerPrefix("acks"), "all");
        // state of ~20k active actors exceeds the 10 MiB default cache, and every eviction is a RocksDB write and a
        // changelog record; larger producer batches cut per-request overhead on the repartition and changelog topics
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheBytes());
        p.put(StreamsConfig.producerPrefix("batch.size"), 131_072);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        // Leaving the group lets a restarted engine take its partitions at once instead of after the session timeout.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
        log.info("detection engine stopped");
    }
}
