package io.edgeward.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.JsonSerde;
import io.edgeward.detection.topology.DetectionTopology;
import io.edgeward.detection.topology.Topics;
import io.edgeward.passive.record.LogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The detection engine's own topology, driven in this process without a broker: records go in with their request
 * time as the record timestamp, in file order, and every window, quiet period and escalation runs in event time as
 * it would live. A session id from the log makes the record a returning session, as the edge's cookie would.
 */
final class Replay implements AutoCloseable {

    private static final ObjectMapper JSON = JsonSerde.MAPPER;

    private final Path stateDir;
    private final EventClock clock = new EventClock();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> logs;
    private final TestOutputTopic<String, Detection> detections;
    private final TestOutputTopic<String, Decision> decisions;
    private final List<Detection> seenDetections = new ArrayList<>();
    private final List<Decision> seenDecisions = new ArrayList<>();

    Replay(DetectionPolicy policy) {
        try {
            stateDir = Files.createTempDirectory("edgeward-backtest");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the replay", e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "edgeward-backtest");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Topics topics = Topics.defaults();
        driver = new TopologyTestDriver(DetectionTopology.build(() -> policy, clock, topics,
                DetectionTopology.Storage.MEMORY), props);
        logs = driver.createInputTopic(topics.logs(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        detections = driver.createOutputTopic(topics.detections(), Serdes.String().deserializer(),
                new JsonSerde<>(Detection.class).deserializer());
        decisions = driver.createOutputTopic(topics.decisions(), Serdes.String().deserializer(),
                new JsonSerde<>(Decision.class).deserializer());
    }

    /** Feeds one record; returns its request time. */
    Instant feed(LogRecord record, String sessionId) {
        Instant time = Instant.parse(record.time());
        clock.advanceTo(time);
        ObjectNode value = JSON.valueToTree(record);
        if (sessionId != null) {
            value.put("sessionId", sessionId);
            value.put("cookieState", "valid");
        }
        try {
            logs.pipeInput(record.clientIp(), JSON.writeValueAsBytes(value), time);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed record did not serialise", e);
        }
        if (!detections.isEmpty()) {
            seenDetections.addAll(detections.readValuesToList());
        }
        if (!decisions.isEmpty()) {
            seenDecisions.addAll(decisions.readValuesToList());
        }
        return time;
    }

    List<Detection> detections() {
        seenDetections.addAll(detections.readValuesToList());
        return seenDetections;
    }

    List<Decision> decisions() {
        seenDecisions.addAll(decisions.readValuesToList());
        return seenDecisions;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the operating system cleans up what is left
        }
    }
}
