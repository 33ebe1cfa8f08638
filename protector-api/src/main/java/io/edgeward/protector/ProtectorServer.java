package io.edgeward.protector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.protector.admin.AdminController;
import io.edgeward.protector.admin.AdminService;
import io.edgeward.protector.challenge.ChallengeController;
import io.edgeward.protector.challenge.ChallengeService;
import io.edgeward.protector.challenge.ChallengeSettings;
import io.edgeward.protector.challenge.SiteVerifier;
import io.edgeward.protector.challenge.events.ChallengeEvents;
import io.edgeward.protector.challenge.events.ChallengesTopic;
import io.edgeward.protector.challenge.events.KafkaChallengeEvents;
import io.edgeward.protector.check.CheckController;
import io.edgeward.protector.check.CheckHandler;
import io.edgeward.protector.check.CheckMetrics;
import io.edgeward.protector.check.CheckService;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.goodbots.DnsResolver;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.goodbots.SystemDnsResolver;
import io.edgeward.protector.http.BearerAuth;
import io.edgeward.protector.http.FrontHandlers;
import io.edgeward.protector.http.HttpErrors;
import io.edgeward.protector.http.HttpMetrics;
import io.edgeward.protector.http.Json;
import io.edgeward.protector.http.OpsController;
import io.edgeward.protector.http.RouteGroup;
import io.edgeward.protector.kafka.DecisionCodec;
import io.edgeward.protector.kafka.DecisionLog;
import io.edgeward.protector.kafka.DecisionMaterializer;
import io.edgeward.protector.kafka.DecisionsTopic;
import io.edgeward.protector.nonces.SharedNonces;
import io.edgeward.protector.policy.Policy;
import io.edgeward.protector.policy.PolicyLoader;
import io.edgeward.protector.signals.SignalsController;
import io.edgeward.protector.signals.SignalsService;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running Protector: HTTP server, decisions materializer, admin writer, good-bot verifier. Built from a
 * {@link ProtectorConfig} and {@link Dependencies} (clock, DNS, extra route groups); {@link #close()} stops all.
 */
public final class ProtectorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProtectorServer.class);

    /**
     * What tests and other features plug in: the clock for expiry, the DNS behind good-bot verification,
     * route groups such as the challenge feature's {@code /v1/challenge/*}, and Jetty handlers placed in front of
     * Javalin beside {@code /v1/check}'s (the load bench's bare ceiling; nothing in production).
     */
    public record Dependencies(Clock clock, DnsResolver dns, List<RouteGroup> routeGroups, List<Handler> frontHandlers) {
        public static Dependencies defaults() {
            return new Dependencies(Clock.systemUTC(), new SystemDnsResolver(), List.of(), List.of());
        }

        public Dependencies withClock(Clock c) { return new Dependencies(c, dns, routeGroups, frontHandlers); }
        public Dependencies withDns(DnsResolver d) { return new Dependencies(clock, d, routeGroups, frontHandlers); }
        public Dependencies withRouteGroups(List<RouteGroup> g) { return new Dependencies(clock, dns, List.copyOf(g), frontHandlers); }
        public Dependencies withFrontHandlers(List<Handler> h) { return new Dependencies(clock, dns, routeGroups, List.copyOf(h)); }
    }

    private final Javalin app;
    private final BooleanSupplier ready;
    private final Deque<AutoCloseable> resources;

    private ProtectorServer(Javalin app, BooleanSupplier ready, Deque<AutoCloseable> resources) {
        this.app = app;
        this.ready = ready;
        this.resources = resources;
    }

    public static ProtectorServer start(ProtectorConfig config) {
        return start(config, Dependencies.defaults());
    }

    public static ProtectorServer start(ProtectorConfig config, Dependencies deps) {
        Policy policy = config.policyFile() == null ? PolicyLoader.loadDefault() : PolicyLoader.load(config.policyFile());
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return build(config, deps, policy, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static ProtectorServer build(ProtectorConfig config, Dependencies deps, Policy policy, Deque<AutoCloseable> resources) {
        ObjectMapper mapper = Json.mapper();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.push(registry::close);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        DecisionStore store = new DecisionStore(deps.clock(), config.decisionMemory());
        DecisionCodec codec = new DecisionCodec(mapper);
        if (config.createTopic()) {
            DecisionsTopic.ensure(config.kafka(), config.decisionsTopic(), config.topicPartitions(), (short) -1);
        }
        DecisionMaterializer materializer = new DecisionMaterializer(config.kafka(), config.decisionsTopic(), store, codec);
        resources.push(materializer);
        materializer.start();
        DecisionLog decisionLog = new DecisionLog(config.kafka(), config.decisionsTopic(), codec, config.adminWriteTimeout());
        resources.push(decisionLog);
        GoodBotVerifier goodBots = new GoodBotVerifier(policy.goodBots(), deps.dns(), deps.clock(), config.goodBots());
        resources.push(goodBots);

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "decisions-purge");
            t.setDaemon(true);
            return t;
        });
        resources.push(housekeeping::shutdownNow);
        housekeeping.scheduleWithFixedDelay(store::purgeExpired, 60, 60, TimeUnit.SECONDS);

        Gauge.builder("protector.decisions.entries", store, DecisionStore::size).register(registry);
        Gauge.builder("protector.decisions.bytes", store, DecisionStore::estimatedBytes)
                .description("Estimated heap bytes of the stored decisions").register(registry);
        FunctionCounter.builder("protector.decisions.shed", store, DecisionStore::shedDecisions)
                .description("Decisions dropped because decision memory was full").register(registry);
        Gauge.builder("protector.decisions.ready", materializer, m -> m.caughtUp() ? 1 : 0).register(registry);
        Gauge.builder("protector.decisions.rejected", materializer, DecisionMaterializer::rejectedRecords).register(registry);
        Gauge.builder("protector.goodbots.verifications.dropped", goodBots, GoodBotVerifier::droppedVerifications).register(registry);
        Gauge.builder("protector.goodbots.cache.entries", goodBots, GoodBotVerifier::cacheSize).register(registry);

        ChallengeSettings cs = config.challenge();
        SharedNonces nonces = SharedNonces.start(config.kafka(), cs.nonces().topic(), config.createTopic(),
                config.topicPartitions(), cs.ttl().plus(cs.nonces().retentionMargin()), cs.nonces().publishTimeout(),
                cs.usedNonceLimit(), deps.clock());
        resources.push(nonces);
        BooleanSupplier ready = () -> materializer.caughtUp() && nonces.caughtUp();
        ChallengeService challenges = new ChallengeService(cs, deps.clock(), "pow".equals(cs.provider()) ? null
                : new SiteVerifier(cs.verifyUrl(), cs.secret(), cs.providerTimeout(), mapper), store, nonces.spent(),
                nonces.publisher(), challengeEvents(config, registry, resources));
        housekeeping.scheduleWithFixedDelay(challenges::purgeExpired, 60, 60, TimeUnit.SECONDS);
        CheckController checks = new CheckController(
                new CheckService(store, goodBots, policy.requestRules(), deps.clock(), config.allowTtl(), config.checks(),
                        config.signals()),
                new CheckMetrics(registry), mapper, challenges);
        ChallengeController challengeRoutes = new ChallengeController(challenges, registry, mapper);
        SignalsService signals = new SignalsService(config.signals(), store, deps.clock());
        housekeeping.scheduleWithFixedDelay(signals::purgeExpired, 60, 60, TimeUnit.SECONDS);
        SignalsController signalRoutes = new SignalsController(signals, registry, mapper);
        AdminController admin = new AdminController(
                new AdminService(store, decisionLog, materializer, deps.clock(), config.adminWriteTimeout()), mapper);
        OpsController ops = new OpsController(ready, registry::scrape,
                config.metricsToken() == null ? null : new BearerAuth("metrics", List.of(config.metricsToken())));
        BearerAuth edgeAuth = new BearerAuth("edge", config.edgeKeys());
        BearerAuth adminAuth = new BearerAuth("admin", List.of(config.adminToken()));

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // answers are ~100 bytes; compression would only cost CPU
            cfg.jetty.host = config.bindAddress();
            cfg.jetty.port = config.port();
            RoutesConfig routes = cfg.routes;
            HttpErrors.install(routes);
            HttpMetrics httpMetrics = HttpMetrics.install(routes, registry);
            // POST /v1/check is served in front of Javalin (CheckHandler); other methods on it still meet the edge key here
            List<Handler> front = new ArrayList<>();
            front.add(new CheckHandler(checks, edgeAuth, config.maxRequestBytes(), httpMetrics, mapper));
            front.addAll(deps.frontHandlers());
            cfg.jetty.modifyServer(server -> FrontHandlers.install(server, front));
            routes.before("/v1/check", edgeAuth::require);
            routes.before("/v1/challenge/*", edgeAuth::require);
            routes.before("/v1/admin/*", adminAuth::require);
            challengeRoutes.addRoutes(routes);
            signalRoutes.addRoutes(routes, edgeAuth);
            admin.addRoutes(routes);
            ops.addRoutes(routes);
            deps.routeGroups().forEach(g -> g.addRoutes(routes));
        });
        resources.push(app::stop);
        app.start();
        log.info("protector.started port={} policy={} rules={} goodBots={} config={}", app.port(), policy.source(),
                policy.requestRules().rules().size(), policy.goodBots().size(), config);
        return new ProtectorServer(app, ready, resources);
    }

    /** The challenge events publisher, or none when {@code EDGEWARD_CHALLENGES_TOPIC} is empty. */
    private static ChallengeEvents challengeEvents(ProtectorConfig config, PrometheusMeterRegistry registry,
                                                   Deque<AutoCloseable> resources) {
        if (!config.publishesChallengeEvents()) {
            return ChallengeEvents.NONE;
        }
        if (config.createTopic()) {
            ChallengesTopic.ensure(config.kafka(), config.challengesTopic(), config.topicPartitions());
        }
        KafkaChallengeEvents events = KafkaChallengeEvents.start(config.kafka(), config.challengesTopic(), registry);
        resources.push(events);
        return events;
    }

    public int port() {
        return app.port();
    }

    /** True once the decisions and spent-nonce topics have been read to the end seen at start (the /ready answer). */
    public boolean ready() {
        return ready.getAsBoolean();
    }

    @Override
    public void close() {
        closeAll(resources);
        log.info("protector.stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("protector.close failed: {}", e.toString());
            }
        }
    }
}
