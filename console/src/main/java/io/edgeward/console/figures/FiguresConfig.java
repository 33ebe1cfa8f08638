package io.edgeward.console.figures;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.env.kafka.KafkaClientSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The figures' Kafka Streams application, validated on construction with the bad value in the message.
 *
 * @param kafka            bootstrap servers and security ({@code EDGEWARD_KAFKA_*})
 * @param applicationId    this console instance's own application id (default {@code edgeward-console-<hostname>},
 *                         {@code EDGEWARD_CONSOLE_APP_ID}): every instance reads every partition and holds all figures
 * @param stateDir         local state ({@code EDGEWARD_CONSOLE_STATE_DIR}); kept across restarts, it keeps the figures
 * @param logsTopic        {@code EDGEWARD_LOGS_TOPIC} (edgeward.logs)
 * @param detectionsTopic  {@code EDGEWARD_DETECTIONS_TOPIC} (edgeward.detections)
 * @param challengesTopic  {@code EDGEWARD_CHALLENGES_TOPIC} (edgeward.challenges); may not exist yet; empty: not read
 * @param commitInterval   Kafka Streams commit interval (offsets; the figures reach their stores every second)
 */
public record FiguresConfig(KafkaClientSettings kafka, String applicationId, Path stateDir, String logsTopic,
                            String detectionsTopic, String challengesTopic, Duration commitInterval) {

    public static final String DEFAULT_LOGS_TOPIC = "edgeward.logs";
    public static final String DEFAULT_DETECTIONS_TOPIC = "edgeward.detections";
    public static final String DEFAULT_CHALLENGES_TOPIC = "edgeward.challenges";
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);

    public FiguresConfig {
        if (kafka == null) {
            throw new IllegalArgumentException("figures.kafka is required");
        }
        require(applicationId, "figures.applicationId");
        if (stateDir == null) {
            throw new IllegalArgumentException("figures.stateDir is required");
        }
        require(logsTopic, "figures.logsTopic");
        require(detectionsTopic, "figures.detectionsTopic");
        if (challengesTopic == null) {
            challengesTopic = "";
        }
        positive(commitInterval, "figures.commitInterval");
    }

    /** Defaults for a broker and a state directory (tests, {@code local/}). */
    public static FiguresConfig of(String bootstrapServers, String applicationId, Path stateDir) {
        return new FiguresConfig(KafkaClientSettings.plaintext(bootstrapServers), applicationId, stateDir,
                DEFAULT_LOGS_TOPIC, DEFAULT_DETECTIONS_TOPIC, DEFAULT_CHALLENGES_TOPIC, DEFAULT_COMMIT_INTERVAL);
    }

    /** {@code edgeward-console-<hostname>}, or {@code edgeward-console} when the host has no name. */
    public static String defaultApplicationId() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return "edgeward-console-" + host.replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (UnknownHostException e) {
            return "edgeward-console";
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, was " + value);
        }
    }
}
