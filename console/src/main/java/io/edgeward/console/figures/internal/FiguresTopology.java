package io.edgeward.console.figures.internal;

import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The console's topology: three independent sources, each with one processor and its window stores, nothing
 * written back to Kafka.
 * <pre>
 *   logs ─────────► LogsProcessor ────────► traffic-1m, top-1m, top-15m, requests-by-{address,session,id}
 *   detections ───► DetectionsProcessor ──► detections-recent, detections-by-value, rules-1m
 *   challenges* ──► ChallengesProcessor ──► challenges-1m, challenge-events
 * </pre>
 * (*) subscribed by a pattern matching exactly that name: Kafka Streams requires named source topics to exist and
 * fails the application when one is missing, but a pattern that matches nothing is no error, and the topic is
 * picked up when it appears (on the consumer's next metadata refresh). A blank name leaves the source out.
 *
 * <p>No store has a changelog: every store is a view of its topic, and each console instance has an application id
 * of its own, so a changelog would copy the topics once per instance. The local state directory keeps the stores
 * across restarts; a lost one leaves the figures empty until new records arrive. None has a cache either: the
 * aggregates are already batched in processor memory, and the event stores are written once per key and time.
 *
 * <p>A new instance starts an hour back on the logs (catching up a day at 10,000 records a second would take
 * hours) and a day back on detections and challenges.
 */
public final class FiguresTopology {

    public static final Duration LOGS_START_BACK = Duration.ofHours(1);
    public static final Duration EVENTS_START_BACK = Duration.ofDays(1);

    private FiguresTopology() {
    }

    public static Topology build(String logsTopic, String detectionsTopic, String challengesTopic,
                                 SkippedRecords skipped, int topCapacity) {
        return build(logsTopic, detectionsTopic, challengesTopic, skipped, topCapacity, LOGS_START_BACK);
    }

    /** With how far back a new instance starts on the logs (the benchmark reads a whole day). */
    public static Topology build(String logsTopic, String detectionsTopic, String challengesTopic,
                                 SkippedRecords skipped, int topCapacity, Duration logsStartBack) {
        Topology t = new Topology();
        StringDeserializer keys = new StringDeserializer();

        t.addSource(AutoOffsetReset.byDuration(logsStartBack), "logs", keys, new LogLineReader(skipped), logsTopic);
        t.addProcessor("log-figures", () -> new LogsProcessor(topCapacity), "logs");
        t.addStateStore(aggregate(StoreNames.TRAFFIC, StoreNames.DAY_RETENTION, StoreNames.MINUTE,
                TrafficCounts.SERDE), "log-figures");
        t.addStateStore(aggregate(StoreNames.TOP_MINUTE, StoreNames.HOUR_RETENTION, StoreNames.MINUTE,
                TopValues.SERDE), "log-figures");
        t.addStateStore(aggregate(StoreNames.TOP_QUARTER, StoreNames.DAY_RETENTION, StoreNames.QUARTER,
                TopValues.SERDE), "log-figures");
        for (String name : new String[] {StoreNames.REQUESTS_BY_ADDRESS, StoreNames.REQUESTS_BY_SESSION,
                StoreNames.REQUESTS_BY_ID}) {
            t.addStateStore(events(name, StoreNames.HOUR_RETENTION, Serdes.ByteArray()), "log-figures");
        }

        t.addSource(AutoOffsetReset.byDuration(EVENTS_START_BACK), "detections", keys, new DetectionReader(skipped),
                detectionsTopic);
        t.addProcessor("detection-figures", DetectionsProcessor::new, "detections");
        t.addStateStore(events(StoreNames.DETECTIONS_RECENT, StoreNames.DAY_RETENTION, StoredValues.DETECTION),
                "detection-figures");
        t.addStateStore(events(StoreNames.DETECTIONS_BY_VALUE, StoreNames.DAY_RETENTION, StoredValues.DETECTION),
                "detection-figures");
        t.addStateStore(aggregate(StoreNames.RULES, StoreNames.DAY_RETENTION, StoreNames.MINUTE, RuleCounts.SERDE),
                "detection-figures");

        if (challengesTopic != null && !challengesTopic.isBlank()) {
            t.addSource(AutoOffsetReset.byDuration(EVENTS_START_BACK), "challenges", keys,
                    new ChallengeEventReader(skipped), Pattern.compile(Pattern.quote(challengesTopic)));
            t.addProcessor("challenge-figures", ChallengesProcessor::new, "challenges");
            t.addStateStore(aggregate(StoreNames.CHALLENGES, StoreNames.DAY_RETENTION, StoreNames.MINUTE,
                    ChallengeCounts.SERDE), "challenge-figures");
            t.addStateStore(events(StoreNames.CHALLENGE_EVENTS, StoreNames.DAY_RETENTION,
                    StoredValues.CHALLENGE_EVENT), "challenge-figures");
        }
        return t;
    }

    private static <V> StoreBuilder<WindowStore<String, V>> aggregate(String name, Duration retention,
                                                                      Duration window, Serde<V> values) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, window, false),
                        Serdes.String(), values)
                .withLoggingDisabled()
                .withCachingDisabled();
    }

    private static <V> StoreBuilder<WindowStore<String, V>> events(String name, Duration retention,
                                                                   Serde<V> values) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, StoreNames.MINUTE, true),
                        Serdes.String(), values)
                .withLoggingDisabled()
                .withCachingDisabled();
    }
}
