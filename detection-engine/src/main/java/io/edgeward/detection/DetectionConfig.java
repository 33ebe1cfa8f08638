package io.edgeward.detection;

import io.edgeward.detection.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The engine's configuration, validated on construction with the bad value in the message.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code EDGEWARD_KAFKA_BOOTSTRAP}, default 127.0.0.1:9092)
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
 * @param securityProtocol Kafka security protocol, PLAINTEXT or SSL ({@code EDGEWARD_KAFKA_SECURITY_PROTOCOL},
 *                         default PLAINTEXT)
 */
public record DetectionConfig(String bootstrapServers, String applicationId, Path stateDir, Path policyFile,
                              Topics topics, String deadLetterTopic, Duration policyReloadInterval,
                              int streamThreads, Duration commitInterval, boolean windowChangelogs,
                              long cacheBytes, String securityProtocol) {

    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    public DetectionConfig {
        require(bootstrapServers, "detection.bootstrapServers");
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
        if (!"PLAINTEXT".equals(securityProtocol) && !"SSL".equals(securityProtocol)) {
            throw new IllegalArgumentException("detection.securityProtocol must be PLAINTEXT or SSL, was "
                    + securityProtocol);
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("detection.cacheBytes must be >= 0, was " + cacheBytes);
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("detection.streamThreads must be >= 1, was " + streamThreads);
        }
    }

    /** Defaults for a given broker, for tests and {@code local/}. */
    public static DetectionConfig of(String bootstrapServers, Path stateDir, Path policyFile) {
        return new DetectionConfig(bootstrapServers, "edgeward-detection", stateDir, policyFile, Topics.defaults(),
                "edgeward.logs.dlq", Duration.ofSeconds(5), 1, Duration.ofSeconds(5), false, DEFAULT_CACHE_BYTES, "PLAINTEXT");
    }

    /** The one place environment variables are read. */
    public static DetectionConfig fromEnvironment(Map<String, String> env) {
        Topics defaults = Topics.defaults();
        String policy = blankToNull(env.get("EDGEWARD_POLICY_FILE"));
        return new DetectionConfig(
                env.getOrDefault("EDGEWARD_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                env.getOrDefault("EDGEWARD_DETECTION_APP_ID", "edgeward-detection"),
                Path.of(env.getOrDefault("EDGEWARD_DETECTION_STATE_DIR",
                        Path.of(System.getProperty("java.io.tmpdir"), "edgeward-detection").toString())),
                policy == null ? null : Path.of(policy),
                new Topics(env.getOrDefault("EDGEWARD_LOGS_TOPIC", defaults.logs()),
                        env.getOrDefault("EDGEWARD_DETECTIONS_TOPIC", defaults.detections()),
                        env.getOrDefault("EDGEWARD_DECISIONS_TOPIC", defaults.decisions())),
                env.getOrDefault("EDGEWARD_DETECTION_DLQ_TOPIC", "edgeward.logs.dlq"),
                duration(env, "EDGEWARD_POLICY_RELOAD", "PT5S"),
                integer(env, "EDGEWARD_DETECTION_THREADS", 1),
                duration(env, "EDGEWARD_DETECTION_COMMIT", "PT5S"),
                bool(env, "EDGEWARD_DETECTION_WINDOW_CHANGELOG", false),
                integer(env, "EDGEWARD_DETECTION_CACHE_BYTES", (int) DEFAULT_CACHE_BYTES),
                env.getOrDefault("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").trim().toUpperCase(
                        java.util.Locale.ROOT));
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration like PT5S, was " + value);
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was " + value);
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was " + value);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
