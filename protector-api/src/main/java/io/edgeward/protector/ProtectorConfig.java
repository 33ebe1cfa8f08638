package io.edgeward.protector;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
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
 * @param challengesTopic    where challenge events go ({@code EDGEWARD_CHALLENGES_TOPIC}, default edgeward.challenges;
 *                           set to the empty string to publish none; docs/contracts.md, "Kafka topics")
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
        SignalSettings signals,
        String challengesTopic) {

    static final int MIN_SECRET_LENGTH = 16;
    /** Kafka's own rule for topic names. */
    private static final int MAX_TOPIC_NAME = 249;

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
        challengesTopic = challengesTopic == null ? "" : challengesTopic.strip();
        if (!challengesTopic.isEmpty() && !legalTopicName(challengesTopic)) {
            throw new IllegalArgumentException("protector.challengesTopic must be a Kafka topic name (letters, digits, "
                    + "'.', '_', '-'; at most " + MAX_TOPIC_NAME + "), was '" + challengesTopic + "'");
        }
    }

    /** Whether challenge events are published ({@link #challengesTopic()} not empty). */
    public boolean publishesChallengeEvents() {
        return !challengesTopic.isEmpty();
    }

    private static boolean legalTopicName(String name) {
        if (name.length() > MAX_TOPIC_NAME || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
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

    private static final String P = "EDGEWARD_PROTECTOR_";
    static final EnvKey<Integer> PORT = EnvKey.port(P + "PORT", 8081);
    static final EnvKey<String> BIND = EnvKey.string(P + "BIND", "127.0.0.1");
    static final EnvKey<List<String>> EDGE_KEYS = EnvKey.secretList("EDGEWARD_EDGE_KEYS");
    static final EnvKey<String> EDGE_KEY = EnvKey.secret("EDGEWARD_EDGE_KEY");
    static final EnvKey<String> ADMIN_TOKEN = EnvKey.secret("EDGEWARD_ADMIN_TOKEN");
    static final EnvKey<String> METRICS_TOKEN = EnvKey.secret("EDGEWARD_METRICS_TOKEN");
    static final EnvKey<String> DECISIONS_TOPIC = EnvKey.string("EDGEWARD_DECISIONS_TOPIC", "edgeward.decisions");
    static final String DEFAULT_CHALLENGES_TOPIC = "edgeward.challenges";
    /** Set but empty switches challenge events off (a blank value otherwise reads as unset). */
    static final EnvKey<String> CHALLENGES_TOPIC = EnvKey.string("EDGEWARD_CHALLENGES_TOPIC", DEFAULT_CHALLENGES_TOPIC);
    static final EnvKey<Boolean> CREATE_TOPIC = EnvKey.bool(P + "CREATE_TOPIC", true);
    static final EnvKey<Integer> TOPIC_PARTITIONS = EnvKey.integer(P + "TOPIC_PARTITIONS", 3, 1, Integer.MAX_VALUE);
    static final EnvKey<Path> POLICY_FILE = EnvKey.path("EDGEWARD_POLICY_FILE", null);
    static final EnvKey<Duration> ALLOW_TTL = EnvKey.positiveDuration(P + "ALLOW_TTL", Duration.ofSeconds(60));
    static final EnvKey<Duration> ADMIN_WRITE_TIMEOUT = EnvKey.positiveDuration(P + "ADMIN_WRITE_TIMEOUT",
            Duration.ofSeconds(10));
    static final EnvKey<Long> MAX_REQUEST_BYTES = EnvKey.bytes(P + "MAX_REQUEST_BYTES", 65_536, 1024);
    static final EnvKey<Duration> GOODBOT_POSITIVE_TTL = EnvKey.positiveDuration(P + "GOODBOT_POSITIVE_TTL",
            GoodBotSettings.defaults().positiveTtl());
    static final EnvKey<Duration> GOODBOT_NEGATIVE_TTL = EnvKey.positiveDuration(P + "GOODBOT_NEGATIVE_TTL",
            GoodBotSettings.defaults().negativeTtl());
    static final EnvKey<Integer> GOODBOT_CACHE_SIZE = EnvKey.integer(P + "GOODBOT_CACHE_SIZE",
            GoodBotSettings.defaults().cacheSize(), 1, Integer.MAX_VALUE);
    static final EnvKey<Integer> GOODBOT_THREADS = EnvKey.integer(P + "GOODBOT_THREADS",
            GoodBotSettings.defaults().threads(), 1, Integer.MAX_VALUE);
    static final EnvKey<Integer> GOODBOT_QUEUE_SIZE = EnvKey.integer(P + "GOODBOT_QUEUE_SIZE",
            GoodBotSettings.defaults().queueSize(), 1, Integer.MAX_VALUE);
    static final EnvKey<Integer> DECISIONS_MAX_ENTRIES = EnvKey.integer(P + "DECISIONS_MAX_ENTRIES",
            DecisionMemory.defaults().maxEntries(), 100, Integer.MAX_VALUE);
    static final EnvKey<Long> DECISIONS_MAX_BYTES = EnvKey.bytes(P + "DECISIONS_MAX_BYTES",
            DecisionMemory.defaults().maxBytes(), 1_048_576);
    static final EnvKey<Duration> PASS_EXEMPTION = EnvKey.duration(P + "PASS_EXEMPTION",
            CheckSettings.defaults().passExemption(), Duration.ZERO);
    static final EnvKey<Integer> GOOD_STANDING_MIN_GENERATION = EnvKey.integer(P + "GOOD_STANDING_MIN_GENERATION",
            CheckSettings.defaults().goodStandingMinGeneration(), 0, Integer.MAX_VALUE);
    static final EnvKey<Duration> GOOD_STANDING_MIN_AGE = EnvKey.duration(P + "GOOD_STANDING_MIN_AGE",
            CheckSettings.defaults().goodStandingMinAge(), Duration.ZERO);

    private static final SignalSettings SIGNALS = SignalSettings.defaults();
    // The browser sensor's scoring (docs/browser-signals.md).
    static final EnvKey<String> SIGNALS_ON_AUTOMATION = EnvKey.oneOf("EDGEWARD_SIGNALS_ON_AUTOMATION",
            java.util.Set.of("challenge-then-block", "challenge", "block"), SIGNALS.onAutomation().wireName());
    static final EnvKey<Integer> SIGNALS_QUIET_REPORTS = EnvKey.integer("EDGEWARD_SIGNALS_QUIET_REPORTS",
            SIGNALS.quietReports(), 1, 100);
    static final EnvKey<Duration> SIGNALS_HUMAN_TTL = EnvKey.positiveDuration("EDGEWARD_SIGNALS_HUMAN_TTL",
            SIGNALS.humanTtl());
    static final EnvKey<Duration> SIGNALS_AUTOMATION_TTL = EnvKey.positiveDuration("EDGEWARD_SIGNALS_AUTOMATION_TTL",
            SIGNALS.automationTtl());
    static final EnvKey<Duration> SIGNALS_EXEMPT_TTL = EnvKey.positiveDuration("EDGEWARD_SIGNALS_EXEMPT_TTL",
            SIGNALS.exemptTtl());
    static final EnvKey<Duration> SIGNALS_BLOCK_FOR = EnvKey.positiveDuration("EDGEWARD_SIGNALS_BLOCK_FOR",
            SIGNALS.blockFor());
    static final EnvKey<Integer> SIGNALS_SPENT_NONCE_LIMIT = EnvKey.integer("EDGEWARD_SIGNALS_SPENT_NONCE_LIMIT",
            SIGNALS.spentNonceLimit(), 1, Integer.MAX_VALUE);

    /** Every variable Protector reads (docs/protector.md lists them); any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvSpec.of("protector", PORT, BIND, EDGE_KEYS, EDGE_KEY, ADMIN_TOKEN,
                    METRICS_TOKEN, DECISIONS_TOPIC, CREATE_TOPIC, TOPIC_PARTITIONS, POLICY_FILE, ALLOW_TTL,
                    ADMIN_WRITE_TIMEOUT, MAX_REQUEST_BYTES, GOODBOT_POSITIVE_TTL, GOODBOT_NEGATIVE_TTL,
                    GOODBOT_CACHE_SIZE, GOODBOT_THREADS, GOODBOT_QUEUE_SIZE, DECISIONS_MAX_ENTRIES, DECISIONS_MAX_BYTES,
                    PASS_EXEMPTION, GOOD_STANDING_MIN_GENERATION, GOOD_STANDING_MIN_AGE, SIGNALS_ON_AUTOMATION,
                    SIGNALS_QUIET_REPORTS, SIGNALS_HUMAN_TTL, SIGNALS_AUTOMATION_TTL, SIGNALS_EXEMPT_TTL,
                    SIGNALS_BLOCK_FOR, SIGNALS_SPENT_NONCE_LIMIT, CHALLENGES_TOPIC)
            .including(ChallengeSettings.ENV).including(KafkaEnvironment.ENV);

    /** The one place environment variables are read (docs/protector.md lists them). */
    public static ProtectorConfig fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** The configuration from its variables; App prints {@link EnvValues#effectiveConfiguration()} of the same. */
    public static ProtectorConfig from(EnvValues env) {
        Builder b = builder()
                .port(env.get(PORT))
                .bindAddress(env.get(BIND))
                .edgeKeys(edgeKeys(env))
                .adminToken(env.get(ADMIN_TOKEN))
                .metricsToken(env.get(METRICS_TOKEN))
                .kafka(KafkaEnvironment.read(env))
                .decisionsTopic(env.get(DECISIONS_TOPIC))
                .createTopic(env.get(CREATE_TOPIC))
                .topicPartitions(env.get(TOPIC_PARTITIONS))
                .policyFile(env.get(POLICY_FILE))
                .allowTtl(env.get(ALLOW_TTL))
                .adminWriteTimeout(env.get(ADMIN_WRITE_TIMEOUT))
                .maxRequestBytes(env.get(MAX_REQUEST_BYTES))
                .challengesTopic(challengesTopic(env));
        b.goodBots(new GoodBotSettings(env.get(GOODBOT_POSITIVE_TTL), env.get(GOODBOT_NEGATIVE_TTL),
                env.get(GOODBOT_CACHE_SIZE), env.get(GOODBOT_THREADS), env.get(GOODBOT_QUEUE_SIZE)));
        b.challenge(ChallengeSettings.from(env));
        b.decisionMemory(new DecisionMemory(env.get(DECISIONS_MAX_ENTRIES), env.get(DECISIONS_MAX_BYTES)));
        b.checks(new CheckSettings(env.get(PASS_EXEMPTION), env.get(GOOD_STANDING_MIN_GENERATION),
                env.get(GOOD_STANDING_MIN_AGE)));
        b.signals(new SignalSettings(SignalSettings.OnAutomation.parse(env.get(SIGNALS_ON_AUTOMATION)),
                env.get(SIGNALS_QUIET_REPORTS), env.get(SIGNALS_HUMAN_TTL), env.get(SIGNALS_AUTOMATION_TTL),
                env.get(SIGNALS_EXEMPT_TTL), env.get(SIGNALS_BLOCK_FOR), env.get(SIGNALS_SPENT_NONCE_LIMIT)));
        return b.build();
    }

    /** {@code EDGEWARD_CHALLENGES_TOPIC}; present but blank means off, absent means the default. */
    private static String challengesTopic(EnvValues env) {
        String given = env.variables().get(CHALLENGES_TOPIC.name());
        return given != null && given.isBlank() ? "" : env.get(CHALLENGES_TOPIC);
    }

    /** {@code EDGEWARD_EDGE_KEYS} when set, otherwise {@code EDGEWARD_EDGE_KEY}. */
    private static List<String> edgeKeys(EnvValues env) {
        if (env.isSet(EDGE_KEYS)) {
            return env.get(EDGE_KEYS);
        }
        String key = env.get(EDGE_KEY);
        return key == null ? List.of() : List.of(key.strip());
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
                + ", decisionMemory=" + decisionMemory + ", checks=" + checks + ", signals=" + signals
                + ", challengesTopic=" + (challengesTopic.isEmpty() ? "off" : challengesTopic) + "]";
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
        private String challengesTopic = DEFAULT_CHALLENGES_TOPIC;

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
        /** The challenge events topic; empty (or null) publishes none. */
        public Builder challengesTopic(String v) { challengesTopic = v; return this; }

        public ProtectorConfig build() {
            return new ProtectorConfig(port, bindAddress, edgeKeys, adminToken, metricsToken, kafka,
                    decisionsTopic, createTopic, topicPartitions, policyFile, allowTtl, adminWriteTimeout, maxRequestBytes,
                    goodBots, challenge == null ? ChallengeSettings.defaults() : challenge, decisionMemory, checks, signals,
                    challengesTopic);
        }
    }
}
