package io.edgeward.protector;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.env.EnvReader;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.env.kafka.KafkaEnvironment;
import io.edgeward.protector.challenge.ChallengeSettings;
import io.edgeward.protector.signals.SignalSettings;
import io.edgeward.protector.check.CheckSettings;
import io.edgeward.protector.decision.DecisionMemory;
import io.edgeward.protector.goodbots.GoodBotSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protector's configuration, validated when built; a bad value fails start-up with the value in the message.
 * {@link #toString()} masks every secret. Environment variables are read only in {@link #fromEnvironment}.
 *
 * @param port               HTTP port (default 8081; 0 picks a free one)
 * @param bindAddress        listen address (default 127.0.0.1; 0.0.0.0 in containers)
 * @param edgeKeys           bearer keys accepted on /v1/check and /v1/challenge/* (several, for rotation; each >= 16 chars)
 * @param adminToken         bearer token for /v1/admin/* (>= 16 chars, different from every edge key)
 * @param metricsToken       bearer token for /metrics, or null to leave /metrics open (bind it to a private network)
 * @param kafka              bootstrap servers and security of every Kafka client ({@code EDGEWARD_KAFKA_*},
 *                           docs/kafka-security.md)
 * @param decisionsTopic     compacted decisions topic (default edgeward.decisions)
 * @param createTopic        create the topic (compacted) if missing (default true)
 * @param topicPartitions    partitions when creating it (default 3)
 * @param policyFile         policy YAML, or null for the shipped default
 * @param allowTtl           the most seconds the edge may reuse an allow answer (default 60 s)
 * @param adminWriteTimeout  how long an admin write waits for Kafka and the materializer (default 10 s)
 * @param maxRequestBytes    largest accepted request body (default 64 KiB)
 * @param goodBots           good-bot verification settings
 * @param challenge          challenge issuing and verification ({@code EDGEWARD_CHALLENGE_*}, docs/challenges.md)
 * @param decisionMemory     the bound of the in-memory decisions (entries, estimated bytes) and its shedding
 * @param checks             the challenge-pass window and what makes a session established (docs/protector.md)
 * @param signals            browser sensor scoring and what a suspect session gets ({@code EDGEWARD_SIGNALS_*},
 *                           docs/browser-signals.md)
 */
public record ProtectorConfig(
        int port,
        String bindAddress,
        List<String> edgeKeys,
        String adminToken,
        String metricsToken,
        KafkaClientSettings kafka,
        String decisionsTopic,
        boolean createTopic,
        int topicPartitions,
        Path policyFile,
        Duration allowTtl,
        Duration adminWriteTimeout,
        long maxRequestBytes,
        GoodBotSettings goodBots,
        ChallengeSettings challenge,
        DecisionMemory decisionMemory,
        CheckSettings checks,
        SignalSettings signals) {

    static final int MIN_SECRET_LENGTH = 16;

    public ProtectorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("protector.port must be 0..65535, was " + port);
        }
        require(bindAddress, "protector.bindAddress");
        if (edgeKeys == null || edgeKeys.isEmpty()) {
            throw new IllegalArgumentException("protector.edgeKeys needs at least one key (EDGEWARD_EDGE_KEY or EDGEWARD_EDGE_KEYS)");
        }
        edgeKeys = List.copyOf(edgeKeys);
        for (int i = 0; i < edgeKeys.size(); i++) {
            secret(edgeKeys.get(i), "protector.edgeKeys[" + i + "]");
        }
        secret(adminToken, "protector.adminToken");
        if (edgeKeys.contains(adminToken)) {
            throw new IllegalArgumentException("protector.adminToken must differ from every edge key");
        }
        if (metricsToken != null) {
            secret(metricsToken, "protector.metricsToken");
        }
        if (kafka == null) {
            throw new IllegalArgumentException("protector.kafka is required");
        }
        require(decisionsTopic, "protector.decisionsTopic");
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("protector.topicPartitions must be >= 1, was " + topicPartitions);
        }
        if (policyFile != null && !Files.isReadable(policyFile)) {
            throw new IllegalArgumentException("protector.policyFile must be a readable file, was " + policyFile);
        }
        positive(allowTtl, "protector.allowTtl");
        positive(adminWriteTimeout, "protector.adminWriteTimeout");
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("protector.maxRequestBytes must be >= 1024, was " + maxRequestBytes);
        }
        if (goodBots == null) {
            throw new IllegalArgumentException("protector.goodBots is required");
        }
        if (challenge == null) {
            throw new IllegalArgumentException("protector.challenge is required");
        }
        if (decisionMemory == null || checks == null || signals == null) {
            throw new IllegalArgumentException("protector.decisionMemory, protector.checks and protector.signals are required");
        }
    }

    /** The Kafka bootstrap servers (part of {@link #kafka()}). */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void secret(String value, String name) {
        if (value == null || value.strip().length() < MIN_SECRET_LENGTH) {
            // never echo a secret, not even a short one
            throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET_LENGTH + " characters, was "
                    + (value == null ? "missing" : value.strip().length() + " characters"));
        }
    }

    /** Known variables; any other {@code EDGEWARD_PROTECTOR_*} is rejected as a likely typo. */
    static final Set<String> PROTECTOR_VARIABLES = Set.of(
            "EDGEWARD_PROTECTOR_PORT", "EDGEWARD_PROTECTOR_BIND", "EDGEWARD_PROTECTOR_ALLOW_TTL",
            "EDGEWARD_PROTECTOR_ADMIN_WRITE_TIMEOUT", "EDGEWARD_PROTECTOR_MAX_REQUEST_BYTES",
            "EDGEWARD_PROTECTOR_CREATE_TOPIC", "EDGEWARD_PROTECTOR_TOPIC_PARTITIONS",
            "EDGEWARD_PROTECTOR_GOODBOT_POSITIVE_TTL", "EDGEWARD_PROTECTOR_GOODBOT_NEGATIVE_TTL",
            "EDGEWARD_PROTECTOR_GOODBOT_CACHE_SIZE", "EDGEWARD_PROTECTOR_GOODBOT_THREADS",
            "EDGEWARD_PROTECTOR_GOODBOT_QUEUE_SIZE",
            "EDGEWARD_PROTECTOR_DECISIONS_MAX_ENTRIES", "EDGEWARD_PROTECTOR_DECISIONS_MAX_BYTES",
            "EDGEWARD_PROTECTOR_PASS_EXEMPTION", "EDGEWARD_PROTECTOR_GOOD_STANDING_MIN_GENERATION",
            "EDGEWARD_PROTECTOR_GOOD_STANDING_MIN_AGE");

    /** The one place environment variables are read (docs/protector.md lists them). */
    public static ProtectorConfig fromEnvironment(Map<String, String> variables) {
        EnvReader env = EnvReader.of(variables);
        Set<String> unknown = env.unknownNames("EDGEWARD_PROTECTOR_", PROTECTOR_VARIABLES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown variable " + unknown.iterator().next() + "; known: "
                    + PROTECTOR_VARIABLES.stream().sorted().toList());
        }
        GoodBotSettings d = GoodBotSettings.defaults();
        Builder b = builder()
                .port(env.integer("EDGEWARD_PROTECTOR_PORT", 8081))
                .bindAddress(variables.getOrDefault("EDGEWARD_PROTECTOR_BIND", "127.0.0.1"))
                .edgeKeys(edgeKeys(env))
                .adminToken(variables.get("EDGEWARD_ADMIN_TOKEN"))
                .metricsToken(env.optional("EDGEWARD_METRICS_TOKEN").orElse(null))
                .kafka(KafkaEnvironment.read(variables))
                .decisionsTopic(variables.getOrDefault("EDGEWARD_DECISIONS_TOPIC", "edgeward.decisions"))
                .createTopic(env.bool("EDGEWARD_PROTECTOR_CREATE_TOPIC", true))
                .topicPartitions(env.integer("EDGEWARD_PROTECTOR_TOPIC_PARTITIONS", 3))
                .policyFile(env.optional("EDGEWARD_POLICY_FILE").map(Path::of).orElse(null))
                .allowTtl(env.duration("EDGEWARD_PROTECTOR_ALLOW_TTL", Duration.ofSeconds(60)))
                .adminWriteTimeout(env.duration("EDGEWARD_PROTECTOR_ADMIN_WRITE_TIMEOUT", Duration.ofSeconds(10)))
                .maxRequestBytes(env.integer("EDGEWARD_PROTECTOR_MAX_REQUEST_BYTES", 65_536));
        b.goodBots(new GoodBotSettings(
                env.duration("EDGEWARD_PROTECTOR_GOODBOT_POSITIVE_TTL", d.positiveTtl()),
                env.duration("EDGEWARD_PROTECTOR_GOODBOT_NEGATIVE_TTL", d.negativeTtl()),
                env.integer("EDGEWARD_PROTECTOR_GOODBOT_CACHE_SIZE", d.cacheSize()),
                env.integer("EDGEWARD_PROTECTOR_GOODBOT_THREADS", d.threads()),
                env.integer("EDGEWARD_PROTECTOR_GOODBOT_QUEUE_SIZE", d.queueSize())));
        b.challenge(ChallengeSettings.fromEnvironment(variables));
        DecisionMemory m = DecisionMemory.defaults();
        b.decisionMemory(new DecisionMemory(
                env.integer("EDGEWARD_PROTECTOR_DECISIONS_MAX_ENTRIES", m.maxEntries()),
                env.longInteger("EDGEWARD_PROTECTOR_DECISIONS_MAX_BYTES", m.maxBytes())));
        CheckSettings c = CheckSettings.defaults();
        b.checks(new CheckSettings(
                env.duration("EDGEWARD_PROTECTOR_PASS_EXEMPTION", c.passExemption()),
                env.integer("EDGEWARD_PROTECTOR_GOOD_STANDING_MIN_GENERATION", c.goodStandingMinGeneration()),
                env.duration("EDGEWARD_PROTECTOR_GOOD_STANDING_MIN_AGE", c.goodStandingMinAge())));
        SignalSettings s = SignalSettings.defaults();
        b.signals(new SignalSettings(
                SignalSettings.OnAutomation.parse(variables.getOrDefault("EDGEWARD_SIGNALS_ON_AUTOMATION",
                        s.onAutomation().wireName())),
                env.integer("EDGEWARD_SIGNALS_QUIET_REPORTS", s.quietReports()),
                env.duration("EDGEWARD_SIGNALS_HUMAN_TTL", s.humanTtl()),
                env.duration("EDGEWARD_SIGNALS_AUTOMATION_TTL", s.automationTtl()),
                env.duration("EDGEWARD_SIGNALS_EXEMPT_TTL", s.exemptTtl()),
                env.duration("EDGEWARD_SIGNALS_BLOCK_FOR", s.blockFor()),
                env.integer("EDGEWARD_SIGNALS_SPENT_NONCE_LIMIT", s.spentNonceLimit())));
        return b.build();
    }

    /** {@code EDGEWARD_EDGE_KEYS} when set, otherwise {@code EDGEWARD_EDGE_KEY}. */
    private static List<String> edgeKeys(EnvReader env) {
        if (env.optional("EDGEWARD_EDGE_KEYS").isPresent()) {
            return env.list("EDGEWARD_EDGE_KEYS", List.of());
        }
        return env.optional("EDGEWARD_EDGE_KEY").map(key -> List.of(key.strip())).orElse(List.of());
    }

    @Override
    public String toString() {
        return "ProtectorConfig[port=" + port + ", bindAddress=" + bindAddress + ", edgeKeys=" + edgeKeys.size() + " x ***"
                + ", adminToken=***, metricsToken=" + (metricsToken == null ? "none" : "***")
                + ", kafka=" + kafka + ", decisionsTopic=" + decisionsTopic
                + ", createTopic=" + createTopic + ", topicPartitions=" + topicPartitions
                + ", policyFile=" + (policyFile == null ? "classpath:edgeward-policy.yaml" : policyFile)
                + ", allowTtl=" + allowTtl + ", adminWriteTimeout=" + adminWriteTimeout
                + ", maxRequestBytes=" + maxRequestBytes + ", goodBots=" + goodBots + ", challenge=" + challenge
                + ", decisionMemory=" + decisionMemory + ", checks=" + checks + ", signals=" + signals + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For tests and the local stack; defaults as in {@link #fromEnvironment} with no variables set. */
    public static final class Builder {
        private int port = 8081;
        private String bindAddress = "127.0.0.1";
        private List<String> edgeKeys = List.of();
        private String adminToken;
        private String metricsToken;
        private KafkaClientSettings kafka = KafkaClientSettings.plaintext(KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        private String decisionsTopic = "edgeward.decisions";
        private boolean createTopic = true;
        private int topicPartitions = 3;
        private Path policyFile;
        private Duration allowTtl = Duration.ofSeconds(60);
        private Duration adminWriteTimeout = Duration.ofSeconds(10);
        private long maxRequestBytes = 65_536;
        private GoodBotSettings goodBots = GoodBotSettings.defaults();
        private ChallengeSettings challenge;
        private DecisionMemory decisionMemory = DecisionMemory.defaults();
        private CheckSettings checks = CheckSettings.defaults();
        private SignalSettings signals = SignalSettings.defaults();

        public Builder port(int v) { port = v; return this; }
        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder edgeKeys(List<String> v) { edgeKeys = v; return this; }
        public Builder edgeKey(String v) { edgeKeys = List.of(v); return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder metricsToken(String v) { metricsToken = v; return this; }
        /** The brokers, keeping the security settings. */
        public Builder kafkaBootstrapServers(String v) { kafka = kafka.withBootstrapServers(v); return this; }
        public Builder kafka(KafkaClientSettings v) { kafka = v; return this; }
        public Builder decisionsTopic(String v) { decisionsTopic = v; return this; }
        public Builder createTopic(boolean v) { createTopic = v; return this; }
        public Builder topicPartitions(int v) { topicPartitions = v; return this; }
        public Builder policyFile(Path v) { policyFile = v; return this; }
        public Builder allowTtl(Duration v) { allowTtl = v; return this; }
        public Builder adminWriteTimeout(Duration v) { adminWriteTimeout = v; return this; }
        public Builder maxRequestBytes(long v) { maxRequestBytes = v; return this; }
        public Builder goodBots(GoodBotSettings v) { goodBots = v; return this; }
        public Builder challenge(ChallengeSettings v) { challenge = v; return this; }
        public Builder decisionMemory(DecisionMemory v) { decisionMemory = v; return this; }
        public Builder checks(CheckSettings v) { checks = v; return this; }
        public Builder signals(SignalSettings v) { signals = v; return this; }

        public ProtectorConfig build() {
            return new ProtectorConfig(port, bindAddress, edgeKeys, adminToken, metricsToken, kafka,
                    decisionsTopic, createTopic, topicPartitions, policyFile, allowTtl, adminWriteTimeout, maxRequestBytes,
                    goodBots, challenge == null ? ChallengeSettings.defaults() : challenge, decisionMemory, checks, signals);
        }
    }
}
