package io.edgeward.detection;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.detection.topology.Topics;
import io.edgeward.env.EnvReader;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.env.kafka.KafkaEnvironment;
import io.edgeward.env.kafka.SecurityProtocol;
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

    /**
     * Without trust or key stores or SASL: {@code securityProtocol} PLAINTEXT, or SSL trusting the JVM's CAs. Kept
     * for callers that predate {@link KafkaClientSettings}.
     */
    public DetectionConfig(String bootstrapServers, String applicationId, Path stateDir, Path policyFile,
                           Topics topics, String deadLetterTopic, Duration policyReloadInterval, int streamThreads,
                           Duration commitInterval, boolean windowChangelogs, long cacheBytes,
                           String securityProtocol) {
        this(new KafkaClientSettings(bootstrapServers, SecurityProtocol.valueOf(securityProtocol), null, null, null,
                        null), applicationId, stateDir, policyFile, topics, deadLetterTopic, policyReloadInterval,
                streamThreads, commitInterval, windowChangelogs, cacheBytes);
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

    /** The one place environment variables are read. */
    public static DetectionConfig fromEnvironment(Map<String, String> variables) {
        EnvReader env = EnvReader.of(variables).withBareValues().withDurationExample("like PT5S");
        Topics defaults = Topics.defaults();
        return new DetectionConfig(
                KafkaEnvironment.read(variables),
                variables.getOrDefault("EDGEWARD_DETECTION_APP_ID", "edgeward-detection"),
                Path.of(variables.getOrDefault("EDGEWARD_DETECTION_STATE_DIR",
                        Path.of(System.getProperty("java.io.tmpdir"), "edgeward-detection").toString())),
                env.optional("EDGEWARD_POLICY_FILE").map(Path::of).orElse(null),
                new Topics(variables.getOrDefault("EDGEWARD_LOGS_TOPIC", defaults.logs()),
                        variables.getOrDefault("EDGEWARD_DETECTIONS_TOPIC", defaults.detections()),
                        variables.getOrDefault("EDGEWARD_DECISIONS_TOPIC", defaults.decisions())),
                variables.getOrDefault("EDGEWARD_DETECTION_DLQ_TOPIC", "edgeward.logs.dlq"),
                env.duration("EDGEWARD_POLICY_RELOAD", Duration.ofSeconds(5)),
                env.integer("EDGEWARD_DETECTION_THREADS", 1),
                env.duration("EDGEWARD_DETECTION_COMMIT", Duration.ofSeconds(5)),
                env.bool("EDGEWARD_DETECTION_WINDOW_CHANGELOG", false),
                env.integer("EDGEWARD_DETECTION_CACHE_BYTES", (int) DEFAULT_CACHE_BYTES));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, was " + value);
        }
    }
}
