package io.edgeward.ingest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeward.ingest.http.ApiKeys;
import io.edgeward.ingest.http.ErrorMapping;
import io.edgeward.ingest.http.HealthController;
import io.edgeward.ingest.http.MetricsController;
import io.edgeward.ingest.kafka.KafkaClients;
import io.edgeward.ingest.kafka.KafkaReadiness;
import io.edgeward.ingest.kafka.LogPublisher;
import io.edgeward.ingest.kafka.TopicSetup;
import io.edgeward.ingest.logs.BatchBodyReader;
import io.edgeward.ingest.logs.LogBatchDecoder;
import io.edgeward.ingest.logs.LogsController;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingest service: HTTP in front, a Kafka producer behind. {@link #start} creates the topics (waiting
 * for Kafka up to the start-up timeout), then serves; {@link #close} stops taking requests, then flushes what the
 * producer still holds.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

    private final Javalin app;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final IngestMetrics metrics;
    private final ExecutorService sender;
    private final Duration flushTimeout;

    private IngestServer(Javalin app, Producer<byte[], byte[]> producer, Admin admin, IngestMetrics metrics,
            ExecutorService sender, Duration flushTimeout) {
        this.sender = sender;
        this.app = app;
        this.producer = producer;
        this.admin = admin;
        this.metrics = metrics;
        this.flushTimeout = flushTimeout;
    }

    public static IngestServer start(IngestConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with an injected clock (the "time is not in the future" rule reads it). */
    public static IngestServer start(IngestConfig config, Clock clock) {
        Admin admin = KafkaClients.admin(config);
        IngestMetrics metrics = new IngestMetrics();
        ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-kafka-send");
            thread.setDaemon(true);
            return thread;
        });
        Producer<byte[], byte[]> producer = null;
        try {
            TopicSetup.ensureTopics(admin, config.topic(), config.partitions(), config.replication(),
                    config.startupTimeout());
            producer = KafkaClients.producer(config);
            Javalin app = routes(config, clock, admin, producer, metrics, sender);
            app.start(config.bindAddress(), config.port());
            log.info("ingest listening on {}:{}, topic {}, config {}", config.bindAddress(), app.port(),
                    config.topic(), config);
            return new IngestServer(app, producer, admin, metrics, sender, config.requestTimeout());
        } catch (RuntimeException e) {
            sender.shutdownNow();
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            admin.close(Duration.ZERO);
            metrics.close();
            throw e;
        }
    }

    private static Javalin routes(IngestConfig config, Clock clock, Admin admin, Producer<byte[], byte[]> producer,
            IngestMetrics metrics, ExecutorService sender) {
        ObjectMapper mapper = mapper();
        ErrorMapping errors = new ErrorMapping(metrics);
        LogsController logs = new LogsController(
                new BatchBodyReader(config.maxBodyBytes(), config.maxDecompressedBytes()),
                new LogBatchDecoder(mapper, config.maxRecords(), clock),
                new LogPublisher(producer, config.topic(), config.requestTimeout(), config.maxInFlightRecords(), config.maxInFlightBytes(),
                        metrics, sender),
                errors, metrics);
        HealthController health = new HealthController(new KafkaReadiness(admin, Duration.ofSeconds(2)));
        MetricsController metricsController = new MetricsController(metrics,
                new ApiKeys(config.effectiveMetricsKeys()));
        ApiKeys ingestKeys = new ApiKeys(config.apiKeys());
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.routes.before("/v1/*", ingestKeys::require);
            cfg.routes.post("/v1/logs", logs::post);
            cfg.routes.get("/health", health::health);
            cfg.routes.get("/ready", health::ready);
            cfg.routes.get("/metrics", metricsController::scrape);
            errors.register(cfg.routes);
        });
    }

    /** Strict reading: duplicate keys and trailing content in a record are errors, not silently resolved. */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public int port() {
        return app.port();
    }

    /** The meters, for tests and embedding. */
    public IngestMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        app.stop();
        sender.shutdown();
        try {
            sender.awaitTermination(flushTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(flushTimeout);
        admin.close(Duration.ofSeconds(5));
        metrics.close();
        log.info("ingest stopped");
    }
}
