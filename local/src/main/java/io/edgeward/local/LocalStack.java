package io.edgeward.local;

import io.edgeward.console.ConsoleConfig;
import io.edgeward.console.ConsoleServer;
import io.edgeward.console.figures.StreamsFigures;
import io.edgeward.detection.DetectionConfig;
import io.edgeward.detection.DetectionEngine;
import io.edgeward.ingest.IngestConfig;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.ingest.IngestServer;
import io.edgeward.inspector.InspectorConfig;
import io.edgeward.inspector.InspectorServer;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.local.config.EdgeConfigJson;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.front.CloudFrontFront;
import io.edgeward.local.front.FrontConfig;
import io.edgeward.local.origin.DemoOrigin;
import io.edgeward.local.passive.PassiveDrop;
import io.edgeward.passive.LogDirectoryWatcher;
import io.edgeward.protector.ProtectorConfig;
import io.edgeward.protector.ProtectorServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root of {@code ./edgeward local}: Kafka (a single-node KRaft broker in the data directory, or an
 * existing one), ingest-service, protector-api, the detection engine, the demo origin (unless another origin is
 * given) and the CloudFront-like front running the edge functions — or, with {@code --inline}, the inspecting
 * origin in process and a front with no functions whose origin group tries the inspector first. Started in dependency order; {@link #close()}
 * stops everything in reverse order and keeps Kafka's data for the next run.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final LocalConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private String bootstrapServers;
    private IngestServer ingest;
    private ProtectorServer protector;
    private DemoOrigin demoOrigin;
    private URI origin;
    private CloudFrontFront front;
    private String edgeConfigJson;
    private LogDirectoryWatcher passiveWatcher;
    private InspectorServer inspector;
    private String originSecret;
    private ConsoleServer console;

    private LocalStack(LocalConfig config) {
        this.config = config;
    }

    /** Starts the stack with the Edgeward edge functions. */
    public static LocalStack start(LocalConfig config) {
        return start(config, new EdgewardEdgeHandlers());
    }

    /** Starts the stack; on a failure, whatever was started is stopped again before the exception leaves. */
    public static LocalStack start(LocalConfig config, EdgeHandlers edgeHandlers) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll(edgeHandlers);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(EdgeHandlers edgeHandlers) {
        createDataDir();
        if (config.kafkaBootstrapServers() == null) {
            KafkaBroker broker = KafkaBroker.start(config.dataDir().resolve("kafka").toAbsolutePath(), config.kafkaPort());
            started.push(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = config.kafkaBootstrapServers();
        }
        LocalTopics.ensure(bootstrapServers, config.logsTopic(), config.detectionsTopic(), config.decisionsTopic(),
                config.challengesTopic());
        ingest = IngestServer.start(IngestConfig.builder()
                .bindAddress(config.bindAddress()).port(config.ingestPort())
                .apiKey(config.secrets().ingestKey())
                .bootstrapServers(bootstrapServers).topic(config.logsTopic())
                .partitions(LocalTopics.PARTITIONS)
                .build());
        started.push(ingest);
        protector = ProtectorServer.start(ProtectorConfig.builder()
                .bindAddress(config.bindAddress()).port(config.protectorPort())
                .edgeKey(config.secrets().edgeKey()).adminToken(config.secrets().adminToken())
                .kafkaBootstrapServers(bootstrapServers).decisionsTopic(config.decisionsTopic())
                .challengesTopic(config.challengesTopic())
                .topicPartitions(LocalTopics.PARTITIONS)
                .policyFile(config.policyFile())
                .build());
        started.push(protector);
        if (config.detection()) {
            started.push(DetectionEngine.start(detectionConfig()));
        }
        if (config.console()) {
            startConsole();
        }
        if (config.origin() == null) {
            demoOrigin = DemoOrigin.start(config.bindAddress(), config.originPort());
            started.push(demoOrigin);
            origin = URI.create("http://127.0.0.1:" + demoOrigin.port());
        } else {
            origin = config.origin();
        }
        edgeConfigJson = EdgeConfigJson.toJson(EdgeConfigJson.build(config,
                "http://127.0.0.1:" + protector.port(), "http://127.0.0.1:" + ingest.port()));
        FrontConfig frontConfig = FrontConfig.of(config.frontPort(), origin).withBindAddress(config.bindAddress())
                .withTrustForwardedFor(config.trustForwardedFor()).withDefaultCountry(config.country());
        if (config.inline()) {
            startInspector();
            front = CloudFrontFront.startInline(frontConfig, URI.create("http://127.0.0.1:" + inspector.port()),
                    InspectorServer.ORIGIN_SECRET_HEADER, originSecret, Clock.systemUTC());
        } else {
            front = CloudFrontFront.start(frontConfig, edgeHandlers.viewerRequest(edgeConfigJson),
                    edgeHandlers.originRequest(edgeConfigJson), edgeHandlers.logShipper(edgeConfigJson),
                    Clock.systemUTC());
        }
        started.push(front);
        passiveWatcher = PassiveDrop.start(config, ingest.port());
        started.push(passiveWatcher);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "edge-log-flush");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, config.shipperMaxAge().toMillis() / 2);
        flusher.scheduleWithFixedDelay(edgeHandlers::flushDue, every, every, TimeUnit.MILLISECONDS);
        if (inspector != null) {
            InspectorServer inlineInspector = inspector;
            flusher.scheduleWithFixedDelay(inlineInspector::flushDue, every, every, TimeUnit.MILLISECONDS);
        }
        // Runs before the front and ingest stop (reverse order): the last records still reach Kafka.
        started.push(() -> {
            flusher.shutdownNow();
            edgeHandlers.flushAll();
        });
        LOG.info("local stack started: front={} protector={} ingest={} origin={} kafka={} mode={} passiveDir={} "
                        + "inspector={}", front.port(), protector.port(), ingest.port(), origin, bootstrapServers,
                config.mode(), passiveWatcher.directory(), inspector == null ? "off" : inspector.port());
    }

    /**
     * Inline mode's inspecting origin, in process: the same edge configuration the edge functions get, the
     * application origin behind it, and a secret generated for this run that only the front sends.
     */
    private void startInspector() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        originSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        inspector = new InspectorServer(new InspectorConfig(config.bindAddress(), config.inspectorPort(), origin,
                originSecret, Duration.ofSeconds(30), EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec())));
        // Pushed before it listens: a failed start is still stopped by close().
        started.push(inspector);
        inspector.start();
    }

    /**
     * The engine's configuration through its documented variables (a map built here, not the process environment),
     * so the engine's own defaults apply to everything the local stack does not set.
     */
    private DetectionConfig detectionConfig() {
        Map<String, String> settings = new HashMap<>();
        settings.put("EDGEWARD_KAFKA_BOOTSTRAP", bootstrapServers);
        settings.put("EDGEWARD_DETECTION_APP_ID", applicationId("edgeward-detection", config.topicPrefix()));
        settings.put("EDGEWARD_DETECTION_STATE_DIR", config.dataDir().resolve("detection").toAbsolutePath().toString());
        settings.put("EDGEWARD_LOGS_TOPIC", config.logsTopic());
        settings.put("EDGEWARD_DETECTIONS_TOPIC", config.detectionsTopic());
        settings.put("EDGEWARD_DECISIONS_TOPIC", config.decisionsTopic());
        settings.put("EDGEWARD_DETECTION_DLQ_TOPIC", config.logsTopic() + ".dlq");
        // Decisions leave the engine at each commit: a short interval shortens the time to a bot's decision.
        settings.put("EDGEWARD_DETECTION_COMMIT", "PT1S");
        if (config.policyFile() != null) {
            settings.put("EDGEWARD_POLICY_FILE", config.policyFile().toAbsolutePath().toString());
        }
        return DetectionConfig.fromEnvironment(settings);
    }

    /**
     * The operator console and its figures (a Kafka Streams application of its own), configured through the console's
     * documented variables like the engine, pointed at this run's Protector with this run's admin token.
     */
    private void startConsole() {
        Map<String, String> settings = new HashMap<>();
        settings.put("EDGEWARD_KAFKA_BOOTSTRAP", bootstrapServers);
        settings.put("EDGEWARD_CONSOLE_BIND", config.bindAddress());
        settings.put("EDGEWARD_CONSOLE_PORT", String.valueOf(config.consolePort()));
        settings.put("EDGEWARD_ADMIN_TOKEN", config.secrets().adminToken());
        settings.put("EDGEWARD_CONSOLE_PROTECTOR_URL", "http://127.0.0.1:" + protector.port());
        settings.put("EDGEWARD_CONSOLE_APP_ID", applicationId("edgeward-console", config.topicPrefix()));
        settings.put("EDGEWARD_CONSOLE_STATE_DIR", config.dataDir().resolve("console").toAbsolutePath().toString());
        settings.put("EDGEWARD_LOGS_TOPIC", config.logsTopic());
        settings.put("EDGEWARD_DETECTIONS_TOPIC", config.detectionsTopic());
        settings.put("EDGEWARD_CHALLENGES_TOPIC", config.challengesTopic());
        if (config.policyFile() != null) {
            settings.put("EDGEWARD_POLICY_FILE", config.policyFile().toAbsolutePath().toString());
        }
        ConsoleConfig consoleConfig = ConsoleConfig.fromEnvironment(settings);
        StreamsFigures figures = StreamsFigures.start(consoleConfig.figures());
        started.push(figures);
        console = ConsoleServer.start(consoleConfig, figures);
        started.push(console);
    }

    /** One consumer group per topic set, so stacks sharing a broker (tests) do not share detection or console state. */
    static String applicationId(String base, String topicPrefix) {
        String suffix = topicPrefix.equals("edgeward.") ? "" : "-" + topicPrefix.replaceAll("[^A-Za-z0-9-]", "-");
        return base + suffix;
    }

    private void createDataDir() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
    }

    public LocalConfig config() {
        return config;
    }

    public int frontPort() {
        return front.port();
    }

    public int protectorPort() {
        return protector.port();
    }

    /** The operator console's port (when the console runs). */
    public int consolePort() {
        if (console == null) {
            throw new IllegalStateException("the console is not running (LocalConfig.console is false)");
        }
        return console.port();
    }

    public int ingestPort() {
        return ingest.port();
    }

    public URI origin() {
        return origin;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The passive path's drop directory: CloudFront standard log files put there are sent to ingest. */
    public java.nio.file.Path passiveDir() {
        return passiveWatcher.directory();
    }

    /** The edge configuration given to both edge functions (it holds this run's keys). */
    public String edgeConfigJson() {
        return edgeConfigJson;
    }

    public CloudFrontFront front() {
        return front;
    }

    /** The inspecting origin's port (inline mode only). */
    public int inspectorPort() {
        if (inspector == null) {
            throw new IllegalStateException("the inspector runs in inline mode only");
        }
        return inspector.port();
    }

    /** Stops the inspecting origin alone, to see the front fail over to the application origin. */
    public synchronized void stopInspector() {
        if (inspector != null && started.remove(inspector)) {
            closeQuietly(inspector);
        }
    }

    /** Stops Protector alone, to see the edge fail open. */
    public synchronized void stopProtector() {
        if (started.remove(protector)) {
            closeQuietly(protector);
        }
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
        LOG.info("local stack stopped");
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
    }
}
