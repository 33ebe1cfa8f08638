package io.edgeward.detection;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.detection.topology.Topics;
import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.env.kafka.KafkaEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The engine's configuration, validated on construction with the bad value in the message.
 *
 * @param kafka            bootstrap servers and security of Kafka Streams and the admin client
 *                         ({@code EDGEWARD_KAFKA_*}, default PLAINTEXT to 127.0.0.1:9092; docs/kafka-security.md)
 * @param applicationId    Kafka Streams application id, also the consumer group and internal topic prefix
 *                         ({@code EDGEWARD_DETECTION_APP_ID}, default edgeward-detection)
 * @param stateDir         local state directory ({@code EDGEWARD_DETECTION_STATE_DIR}, default
 *                         {@code ${java.io.tmpdir}/edgeward-detection})
 * @param policyFile       the shared policy file, re-read on change ({@code EDGEWARD_POLICY_FILE}); null uses the
 *                         bundled default
 * @param topics           {@code EDGEWARD_LOGS_TOPIC}, {@code EDGEWARD_DETECTIONS_TOPIC},
 *                         {@code EDGEWARD_DECISIONS_TOPIC}
 * @param deadLetterTopic  where undecodable log records go ({@code EDGEWARD_DETECTION_DLQ_TOPIC}, default
 *                         edgeward.logs.dlq)
 * @param policyReloadInterval how often the policy file is checked ({@code EDGEWARD_POLICY_RELOAD}, default PT5S)
 * @param streamThreads    Kafka Streams threads ({@code EDGEWARD_DETECTION_THREADS}, default 1)
 * @param commitInterval   Kafka Streams commit interval ({@code EDGEWARD_DETECTION_COMMIT}, default PT5S)
 * @param windowChangelogs whether the short-window stores have changelog topics
 *                         ({@code EDGEWARD_DETECTION_WINDOW_CHANGELOG}, default false: their state spans minutes,
 *                         survives restarts in the local state directory, and a changelog would write every
 *                         actor's state to Kafka again on each commit; see {@code DetectionTopology.build}). The
 *                         escalation memory always has a changelog.
 * @param cacheBytes       state store cache for all threads ({@code EDGEWARD_DETECTION_CACHE_BYTES}, default
 *                         64 MiB)
 */
public record DetectionConfig(KafkaClientSettings kafka, String applicationId, Path stateDir, Path policyFile,
                              Topics topics, String deadLetterTopic, Duration policyReloadInterval,
                              int streamThreads, Duration commitInterval, boolean windowChangelogs,
                              long cacheBytes) {

    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    public DetectionConfig {
        if (kafka == null) {
            throw new IllegalArgumentException("detection.kafka is required");
        }
        require(applicationId, "detection.applicationId");
        if (stateDir == null) {
            throw new IllegalArgumentException("detection.stateDir is required");
        }
        if (topics == null) {
            throw new IllegalArgumentException("detection.topics is required");
        }
        require(topics.logs(), "detection.topics.logs");
        require(topics.detections(), "detection.topics.detections");
        require(topics.decisions(), "detection.topics.decisions");
        require(deadLetterTopic, "detection.deadLetterTopic");
        positive(policyReloadInterval, "detection.policyReloadInterval");
        positive(commitInterval, "detection.commitInterval");
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("detection.cacheBytes must be >= 0, was " + cacheBytes);
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("detection.streamThreads must be >= 1, was " + streamThreads);
        }
    }

    /** Defaults for a given broker, for tests and {@code local/}. */
    public static DetectionConfig of(String bootstrapServers, Path stateDir, Path policyFile) {
        return new DetectionConfig(KafkaClientSettings.plaintext(bootstrapServers), "edgeward-detection", stateDir,
                policyFile, Topics.defaults(), "edgeward.logs.dlq", Duration.ofSeconds(5), 1, Duration.ofSeconds(5),
                false, DEFAULT_CACHE_BYTES);
    }

    /** The Kafka bootstrap servers (part of {@link #kafka()}). */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** PLAINTEXT, SSL or SASL_SSL (part of {@link #kafka()}). */
    public String securityProtocol() {
        return kafka.protocol().name();
    }

    static final EnvKey<String> APP_ID = EnvKey.string("EDGEWARD_DETECTION_APP_ID", "edgeward-detection");
    static final EnvKey<Path> STATE_DIR = EnvKey.path("EDGEWARD_DETECTION_STATE_DIR",
            Path.of(System.getProperty("java.io.tmpdir"), "edgeward-detection"));
    static final EnvKey<Path> POLICY_FILE = EnvKey.path("EDGEWARD_POLICY_FILE", null);
    static final EnvKey<String> LOGS_TOPIC = EnvKey.string("EDGEWARD_LOGS_TOPIC", Topics.defaults().logs());
    static final EnvKey<String> DETECTIONS_TOPIC = EnvKey.string("EDGEWARD_DETECTIONS_TOPIC",
            Topics.defaults().detections());
    static final EnvKey<String> DECISIONS_TOPIC = EnvKey.string("EDGEWARD_DECISIONS_TOPIC",
            Topics.defaults().decisions());
    static final EnvKey<String> DLQ_TOPIC = EnvKey.string("EDGEWARD_DETECTION_DLQ_TOPIC", "edgeward.logs.dlq");
    static final EnvKey<Duration> POLICY_RELOAD = EnvKey.positiveDuration("EDGEWARD_POLICY_RELOAD",
            Duration.ofSeconds(5));
    static final EnvKey<Integer> THREADS = EnvKey.integer("EDGEWARD_DETECTION_THREADS", 1, 1, Integer.MAX_VALUE);
    static final EnvKey<Duration> COMMIT = EnvKey.positiveDuration("EDGEWARD_DETECTION_COMMIT", Duration.ofSeconds(5));
    static final EnvKey<Boolean> WINDOW_CHANGELOG = EnvKey.bool("EDGEWARD_DETECTION_WINDOW_CHANGELOG", false);
    static final EnvKey<Long> CACHE_BYTES = EnvKey.bytes("EDGEWARD_DETECTION_CACHE_BYTES", DEFAULT_CACHE_BYTES, 0);

    /** Every variable the engine reads (docs/detection.md); any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvSpec.of("detection", APP_ID, STATE_DIR, POLICY_FILE, LOGS_TOPIC,
                    DETECTIONS_TOPIC, DECISIONS_TOPIC, DLQ_TOPIC, POLICY_RELOAD, THREADS, COMMIT, WINDOW_CHANGELOG,
                    CACHE_BYTES)
            .including(KafkaEnvironment.ENV)
            .styled(env -> env.withBareValues().withDurationExample("like PT5S"));

    /** The one place environment variables are read. */
    public static DetectionConfig fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** The configuration from its variables; App prints {@link EnvValues#effectiveConfiguration()} of the same. */
    public static DetectionConfig from(EnvValues env) {
        return new DetectionConfig(KafkaEnvironment.read(env), env.get(APP_ID), env.get(STATE_DIR),
                env.get(POLICY_FILE), new Topics(env.get(LOGS_TOPIC), env.get(DETECTIONS_TOPIC),
                        env.get(DECISIONS_TOPIC)), env.get(DLQ_TOPIC), env.get(POLICY_RELOAD), env.get(THREADS),
                env.get(COMMIT), env.get(WINDOW_CHANGELOG), env.get(CACHE_BYTES));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, was " + value);
        }
    }
}
