package io.edgeward.console.figures;

import io.edgeward.console.figures.internal.FiguresTopology;
import io.edgeward.console.figures.internal.SkippedRecords;
import io.edgeward.console.figures.internal.SpaceSaving;
import io.edgeward.console.figures.internal.StoreAccess;
import io.edgeward.console.figures.internal.StoreFigures;
import io.edgeward.detection.topics.JsonSerde;
import io.edgeward.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The figures' topology in a {@link TopologyTestDriver}, answered by the same {@link StoreFigures} a running
 * application uses, over the driver's stores; "now" is a test clock, record times are piped explicitly.
 */
final class FiguresDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-07T05:00:30Z");
    static final String LOGS = "edgeward.logs";
    static final String DETECTIONS = "edgeward.detections";
    static final String CHALLENGES = "edgeward.challenges";

    final TestClock clock = new TestClock(NOW);
    final SkippedRecords skipped = new SkippedRecords();
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> logs;
    final TestInputTopic<String, String> detections;
    final TestInputTopic<String, String> challenges;
    final StoreFigures figures;
    private int requestIds;

    FiguresDriver(Path stateDir) {
        this(stateDir, CHALLENGES);
    }

    FiguresDriver(Path stateDir, String challengesTopic) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "figures-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(FiguresTopology.build(LOGS, DETECTIONS, challengesTopic, skipped,
                SpaceSaving.DEFAULT_CAPACITY), p, NOW);
        StringSerializer s = new StringSerializer();
        logs = driver.createInputTopic(LOGS, s, s);
        detections = driver.createInputTopic(DETECTIONS, s, s);
        challenges = challengesTopic.isBlank() ? null : driver.createInputTopic(CHALLENGES, s, s);
        figures = new StoreFigures(new DriverStores(), clock, () -> true);
    }

    /** A log record at {@code time} from {@code ip}, with fields overriding the defaults (null values drop one). */
    void log(Instant time, String ip, Object... fields) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("v", 1);
        r.put("time", time.toString());
        r.put("requestId", "req-" + (++requestIds));
        r.put("source", "edge");
        r.put("clientIp", ip);
        r.put("method", "GET");
        r.put("host", "shop.example");
        r.put("path", "/products/7");
        r.put("status", 200);
        r.put("userAgent", "Mozilla/5.0");
        r.put("cookieState", "valid");
        r.put("action", "allow");
        r.put("mode", "mitigate");
        r.put("country", "DE");
        for (int i = 0; i < fields.length; i += 2) {
            r.put((String) fields[i], fields[i + 1]);
        }
        logs.pipeInput(ip, json(r), time);
    }

    void detection(Instant at, String rule, String scope, String value, String id, String reason, String expiresAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", rule);
        d.put("scope", scope);
        d.put("value", value);
        d.put("action", "challenge");
        d.put("duration", "PT15M");
        d.put("reason", reason);
        d.put("detectedAt", at.toString());
        d.put("evidence", Map.of("requests", 42));
        d.put("id", id);
        d.put("expiresAt", expiresAt);
        detections.pipeInput(scope + "|" + value, json(d), at);
    }

    void challenge(Instant at, String event, String provider, String reason, Long solveMs, String session,
                   String ip) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("v", 1);
        c.put("time", at.toString());
        c.put("event", event);
        c.put("provider", provider);
        c.put("reason", reason);
        c.put("solveMs", solveMs);
        c.put("sessionId", session);
        c.put("clientIp", ip);
        challenges.pipeInput(session != null ? session : ip, json(c), at);
    }

    /** One second of wall-clock time: the processors write their open windows to the stores. */
    void flush() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    <V> ReadOnlyWindowStore<String, V> store(String name) {
        return driver.getWindowStore(name);
    }

    static String json(Object value) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }

    private final class DriverStores implements StoreAccess {
        @Override
        public <V> List<ReadOnlyWindowStore<String, V>> windowStores(String name) {
            try {
                WindowStore<String, V> store = driver.getWindowStore(name);
                return store == null ? List.of() : List.of(store);
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
    }
}
