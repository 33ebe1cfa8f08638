package io.edgeward.console.figures;

import io.edgeward.console.figures.internal.BoundedRocksDb;
import io.edgeward.console.figures.internal.FiguresTopology;
import io.edgeward.console.figures.internal.FreshStart;
import io.edgeward.console.figures.internal.SkippedRecords;
import io.edgeward.console.figures.internal.SpaceSaving;
import io.edgeward.console.figures.internal.StoreFigures;
import io.edgeward.console.figures.internal.StoreNames;
import io.edgeward.console.figures.internal.StreamsStoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's figures from its own Kafka Streams application ({@link FiguresTopology}), answered by interactive
 * queries of its window stores: nothing on the request path reads Kafka. Start with {@link #start(FiguresConfig)};
 * {@link #close()} stops the application and writes the figures still in memory.
 *
 * <p>What a restart keeps: everything in the state directory (a clean stop loses nothing; a crash loses at most the
 * last second of counts, see {@code LogsProcessor}). Undecodable records are skipped and counted
 * ({@link #skipped(String)}), never fatal. A missing challenges topic is no error (see {@link FiguresTopology}).
 */
public final class StreamsFigures implements ConsoleFigures, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsFigures.class);
    /** How soon a challenges topic created after start is read: the consumer's metadata refresh. */
    static final Duration METADATA_REFRESH = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final StoreFigures figures;
    private final SkippedRecords skipped;

    private StreamsFigures(KafkaStreams streams, StoreFigures figures, SkippedRecords skipped) {
        this.streams = streams;
        this.figures = figures;
        this.skipped = skipped;
    }

    public static StreamsFigures start(FiguresConfig config) {
        return start(config, Clock.systemUTC(), Map.of());
    }

    /** With a clock for "now" and extra Kafka Streams properties (tests). */
    static StreamsFigures start(FiguresConfig config, Clock clock, Map<String, Object> overrides) {
        return start(config, clock, overrides, FiguresTopology.LOGS_START_BACK);
    }

    static StreamsFigures start(FiguresConfig config, Clock clock, Map<String, Object> overrides,
                                Duration logsStartBack) {
        SkippedRecords skipped = new SkippedRecords();
        Properties props = properties(config);
        props.putAll(overrides);
        if (FreshStart.hasNoState(config.stateDir(), config.applicationId())) {
            Properties client = new Properties();
            client.putAll(config.kafka().clientProperties());
            FreshStart.forgetPositions(client, config.applicationId());
        }
        KafkaStreams streams = new KafkaStreams(FiguresTopology.build(config.logsTopic(), config.detectionsTopic(),
                config.challengesTopic(), skipped, SpaceSaving.DEFAULT_CAPACITY, logsStartBack), props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("figures stream thread failed, replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        StreamsFigures figures = new StreamsFigures(streams, new StoreFigures(
                new StreamsStoreAccess(streams, sources(config)), clock,
                () -> streams.state() == KafkaStreams.State.RUNNING), skipped);
        streams.start();
        log.info("console figures started: app={} logs={} detections={} challenges={}", config.applicationId(),
                config.logsTopic(), config.detectionsTopic(),
                config.challengesTopic().isEmpty() ? "(not read)" : config.challengesTopic());
        return figures;
    }

    static Properties properties(FiguresConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafka().clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        // Kafka 5's default, taken now: no global store here, so nothing changes.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // no store has a cache: aggregates are batched in processor memory (see FiguresTopology)
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), METADATA_REFRESH.toMillis());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        return p;
    }

    /** The topic feeding each store, for finding its partitions. */
    private static Map<String, String> sources(FiguresConfig config) {
        Map<String, String> m = new HashMap<>();
        for (String s : List.of(StoreNames.TRAFFIC, StoreNames.TOP_MINUTE, StoreNames.TOP_QUARTER,
                StoreNames.REQUESTS_BY_ADDRESS, StoreNames.REQUESTS_BY_SESSION, StoreNames.REQUESTS_BY_ID)) {
            m.put(s, config.logsTopic());
        }
        for (String s : List.of(StoreNames.DETECTIONS_RECENT, StoreNames.DETECTIONS_BY_VALUE, StoreNames.RULES)) {
            m.put(s, config.detectionsTopic());
        }
        if (!config.challengesTopic().isEmpty()) {
            m.put(StoreNames.CHALLENGES, config.challengesTopic());
            m.put(StoreNames.CHALLENGE_EVENTS, config.challengesTopic());
        }
        return m;
    }

    @Override
    public Overview overview(Period period) {
        return figures.overview(period);
    }

    @Override
    public List<DetectionRow> detections(DetectionQuery query) {
        return figures.detections(query);
    }

    @Override
    public Explanation explain(ExplainKey key) {
        return figures.explain(key);
    }

    @Override
    public ChallengeStats challenges(Period period) {
        return figures.challenges(period);
    }

    @Override
    public List<RuleFiring> ruleFirings(Period period) {
        return figures.ruleFirings(period);
    }

    @Override
    public boolean ready() {
        return figures.ready();
    }

    /** Records of {@code topic} skipped as undecodable since start. */
    public long skipped(String topic) {
        return skipped.count(topic);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
        log.info("console figures stopped");
    }
}
