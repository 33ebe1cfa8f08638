package io.edgeward.detection.topology;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.JsonSerde;
import io.edgeward.detection.topics.LogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The real topology in a {@link TopologyTestDriver}, fed with crafted traffic on a controlled event-time axis.
 * The clock sits at the start of the traffic, so every decision is live unless a test moves it.
 */
final class DetectionHarness implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    final AtomicReference<DetectionPolicy> policy;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, LogRecord> logs;
    private final TestInputTopic<String, String> rawLogs;
    private final TestOutputTopic<String, Detection> detections;
    private final TestOutputTopic<String, Decision> decisions;
    private final TestInputTopic<String, String> decisionsIn;
    private final List<Detection> seenDetections = new ArrayList<>();
    private final List<KeyValue<String, Decision>> seenDecisions = new ArrayList<>();
    private final Path stateDir;
    private Instant now = START;

    DetectionHarness() {
        this(PolicyLoader.defaults(), Clock.fixed(START, ZoneOffset.UTC));
    }

    DetectionHarness(DetectionPolicy initial) {
        this(initial, Clock.fixed(START, ZoneOffset.UTC));
    }

    DetectionHarness(DetectionPolicy initial, Clock clock) {
        try {
            stateDir = Files.createTempDirectory("detection-ttd");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        policy = new AtomicReference<>(initial);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detection-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        Topics topics = Topics.defaults();
        driver = new TopologyTestDriver(DetectionTopology.build(policy::get, clock, topics), props, START);
        logs = driver.createInputTopic(topics.logs(), Serdes.String().serializer(),
                new JsonSerde<>(LogRecord.class).serializer());
        rawLogs = driver.createInputTopic(topics.logs(), Serdes.String().serializer(), Serdes.String().serializer());
        detections = driver.createOutputTopic(topics.detections(), Serdes.String().deserializer(),
                new JsonSerde<>(Detection.class).deserializer());
        decisions = driver.createOutputTopic(topics.decisions(), Serdes.String().deserializer(),
                new JsonSerde<>(Decision.class).deserializer());
        decisionsIn = driver.createInputTopic(topics.decisions(), Serdes.String().serializer(),
                Serdes.String().serializer());
    }

    /** Sends a request at the current event time, then moves event time on by {@code gap}. */
    DetectionHarness send(Req req, Duration gap) {
        LogRecord r = req.build();
        logs.pipeInput(r.clientIp(), r, now);
        now = now.plus(gap);
        return this;
    }

    DetectionHarness send(Req req) {
        return send(req, Duration.ofSeconds(1));
    }

    DetectionHarness sendRaw(String key, String json) {
        rawLogs.pipeInput(key, json, now);
        return this;
    }

    /** A record on the decisions topic from another writer (Protector's admin API); null value: a tombstone. */
    DetectionHarness decisionFromElsewhere(String key, String json) {
        decisionsIn.pipeInput(key, json, now);
        return this;
    }

    DetectionHarness advance(Duration gap) {
        now = now.plus(gap);
        return this;
    }

    Instant now() {
        return now;
    }

    List<Detection> detections() {
        seenDetections.addAll(detections.readValuesToList());
        return seenDetections;
    }

    List<KeyValue<String, Decision>> decisions() {
        seenDecisions.addAll(decisions.readKeyValuesToList());
        return seenDecisions;
    }

    /** The keys a processor's state store holds now. */
    List<String> storeKeys(String store) {
        List<String> keys = new ArrayList<>();
        try (var all = driver.<String, byte[]>getKeyValueStore(store).all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    /** Decisions published so far, values only. */
    List<Decision> decisionValues() {
        return decisions().stream().map(kv -> kv.value).toList();
    }

    List<Detection> detections(String rule) {
        return detections().stream().filter(d -> d.rule().equals(rule)).toList();
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temporary directory; nothing to keep
        }
    }
}
