package io.edgeward.ingest;

import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.env.kafka.KafkaEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ingest service's configuration, validated when built: a bad value fails start-up with the value in the
 * message. Secrets (API keys) never appear in {@link #toString()}.
 *
 * <p>Defaults: bind {@code 0.0.0.0}, port 8082, Kafka {@code 127.0.0.1:9092}, topic {@code edgeward.logs} with 3
 * partitions and replication 1, body at most 2 MiB as sent and 8 MiB decompressed, at most 10,000 records per
 * batch, at most 100,000 records / 64 MiB waiting for Kafka's acknowledgement, request timeout 30 s (also the
 * producer's delivery timeout), start-up timeout 60 s, lz4 compression towards Kafka.
 *
 * @param apiKeys        keys accepted on {@code /v1/logs} (several, for rotation)
 * @param kafka          bootstrap servers and security of every Kafka client ({@code EDGEWARD_KAFKA_*},
 *                       docs/kafka-security.md)
 * @param metricsKeys    keys accepted on {@code /metrics}; empty means the API keys
 * @param requestTimeout the longest a batch waits for Kafka's acknowledgement (the producer's
 *                       {@code delivery.timeout.ms}); past it the batch is answered 503
 * @param startupTimeout how long start-up retries reaching Kafka to create the topics
 */
public record IngestConfig(
        String bindAddress,
        int port,
        List<String> apiKeys,
        List<String> metricsKeys,
        KafkaClientSettings kafka,
        String topic,
        int partitions,
        short replication,
        long maxBodyBytes,
        long maxDecompressedBytes,
        int maxRecords,
        int maxInFlightRecords,
        long maxInFlightBytes,
        Duration requestTimeout,
        Duration startupTimeout,
        String compression) {

    static final String PREFIX = "EDGEWARD_INGEST_";
    private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final int MIN_KEY_LENGTH = 16;

    /** Every variable the ingest service reads (docs/ingest.md); any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvNames.SPEC;

    public IngestConfig {
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        metricsKeys = List.copyOf(Objects.requireNonNull(metricsKeys, "metricsKeys"));
        require(bindAddress != null && !bindAddress.isBlank(), "ingest.bindAddress must be set, was " + bindAddress);
        require(port >= 0 && port <= 65535, "ingest.port must be 0-65535, was " + port);
        require(!apiKeys.isEmpty(), "ingest.apiKeys must hold at least one key (EDGEWARD_INGEST_KEY or "
                + "EDGEWARD_INGEST_KEYS), was none");
        for (int i = 0; i < apiKeys.size(); i++) {
            requireKey(apiKeys.get(i), "ingest.apiKeys[" + i + "]");
        }
        for (int i = 0; i < metricsKeys.size(); i++) {
            requireKey(metricsKeys.get(i), "ingest.metricsKeys[" + i + "]");
        }
        require(kafka != null, "ingest.kafka must be set, was null");
        require(topic != null && topic.matches("[A-Za-z0-9._-]{1,249}"),
                "ingest.topic must be a Kafka topic name ([A-Za-z0-9._-], 1-249 chars), was " + topic);
        require(partitions >= 1, "ingest.partitions must be >= 1, was " + partitions);
        require(replication >= 1, "ingest.replication must be >= 1, was " + replication);
        require(maxBodyBytes >= 1024, "ingest.maxBodyBytes must be >= 1024, was " + maxBodyBytes);
        require(maxDecompressedBytes >= maxBodyBytes, "ingest.maxDecompressedBytes must be >= maxBodyBytes ("
                + maxBodyBytes + "), was " + maxDecompressedBytes);
        require(maxRecords >= 1, "ingest.maxRecords must be >= 1, was " + maxRecords);
        require(maxInFlightRecords >= maxRecords, "ingest.maxInFlightRecords must be >= maxRecords (" + maxRecords
                + "), so that one full batch fits, was " + maxInFlightRecords);
        require(maxInFlightBytes >= maxDecompressedBytes, "ingest.maxInFlightBytes must be >= maxDecompressedBytes ("
                + maxDecompressedBytes + "), so that one full batch fits, was " + maxInFlightBytes);
        require(requestTimeout != null && requestTimeout.compareTo(Duration.ofSeconds(1)) >= 0,
                "ingest.requestTimeout must be >= PT1S, was " + requestTimeout);
        require(startupTimeout != null && !startupTimeout.isNegative() && !startupTimeout.isZero(),
                "ingest.startupTimeout must be > 0, was " + startupTimeout);
        require(compression != null && COMPRESSIONS.contains(compression),
                "ingest.compression must be one of " + COMPRESSIONS + ", was " + compression);
    }

    /** The Kafka bootstrap servers (part of {@link #kafka()}). */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Keys accepted on {@code /metrics}: the metrics keys when set, otherwise the API keys. */
    public List<String> effectiveMetricsKeys() {
        return metricsKeys.isEmpty() ? apiKeys : metricsKeys;
    }

    /**
     * Reads the configuration from environment variables, the one place they are read. Unknown {@code EDGEWARD_*}
     * variables are rejected, so a typo fails start-up instead of being ignored.
     */
    public static IngestConfig fromEnvironment(Map<String, String> variables) {
        return from(read(variables));
    }

    /** {@link EnvNames#SPEC} read from {@code variables}; a failure is a {@link ConfigException}. */
    static EnvValues read(Map<String, String> variables) {
        try {
            return EnvNames.SPEC.read(variables);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The configuration from its variables; App prints {@link EnvValues#effectiveConfiguration()} of the same. */
    static IngestConfig from(EnvValues env) {
        Builder b = builder();
        try {
            b.bindAddress(env.get(EnvNames.BIND));
            b.port(env.get(EnvNames.PORT));
            List<String> keys = new ArrayList<>();
            String key = env.get(EnvNames.KEY);
            if (key != null) {
                keys.add(key.strip());
            }
            keys.addAll(env.get(EnvNames.KEYS));
            b.apiKeys(keys);
            b.metricsKeys(env.get(EnvNames.METRICS_KEY));
            b.topic(env.get(EnvNames.TOPIC));
            b.partitions(env.get(EnvNames.PARTITIONS));
            b.replication(env.get(EnvNames.REPLICATION));
            b.maxBodyBytes(env.get(EnvNames.MAX_BODY_BYTES));
            b.maxDecompressedBytes(env.get(EnvNames.MAX_DECOMPRESSED_BYTES));
            b.maxRecords(env.get(EnvNames.MAX_RECORDS));
            b.maxInFlightRecords(env.get(EnvNames.MAX_IN_FLIGHT_RECORDS));
            b.maxInFlightBytes(env.get(EnvNames.MAX_IN_FLIGHT_BYTES));
            b.requestTimeout(env.get(EnvNames.REQUEST_TIMEOUT));
            b.startupTimeout(env.get(EnvNames.STARTUP_TIMEOUT));
            b.compression(env.get(EnvNames.COMPRESSION));
            b.kafka(KafkaEnvironment.read(env));
        } catch (IllegalArgumentException e) {
            // App reports a ConfigException as invalid configuration (exit 2)
            throw new ConfigException(e.getMessage());
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "IngestConfig[bindAddress=" + bindAddress + ", port=" + port
                + ", apiKeys=" + apiKeys.size() + " key(s) ***, metricsKeys=" + metricsKeys.size() + " key(s) ***"
                + ", kafka=" + kafka + ", topic=" + topic + ", partitions=" + partitions
                + ", replication=" + replication + ", maxBodyBytes=" + maxBodyBytes
                + ", maxDecompressedBytes=" + maxDecompressedBytes + ", maxRecords=" + maxRecords
                + ", maxInFlightRecords=" + maxInFlightRecords + ", maxInFlightBytes=" + maxInFlightBytes
                + ", requestTimeout=" + requestTimeout + ", startupTimeout=" + startupTimeout
                + ", compression=" + compression + "]";
    }

    private static void requireKey(String key, String name) {
        require(key != null && key.length() >= MIN_KEY_LENGTH && key.strip().equals(key),
                name + " must be at least " + MIN_KEY_LENGTH + " characters without surrounding spaces, was "
                        + (key == null ? "null" : key.length() + " characters"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    /** The environment variables {@link #fromEnvironment(Map)} reads, with their types, ranges and defaults. */
    static final class EnvNames {
        static final EnvKey<String> BIND = EnvKey.string(PREFIX + "BIND", "0.0.0.0");
        static final EnvKey<Integer> PORT = EnvKey.port(PREFIX + "PORT", 8082);
        static final EnvKey<String> KEY = EnvKey.secret(PREFIX + "KEY");
        static final EnvKey<List<String>> KEYS = EnvKey.secretList(PREFIX + "KEYS");
        static final EnvKey<List<String>> METRICS_KEY = EnvKey.secretList(PREFIX + "METRICS_KEY");
        static final EnvKey<String> TOPIC = EnvKey.string(PREFIX + "TOPIC", "edgeward.logs");
        static final EnvKey<Integer> PARTITIONS = EnvKey.integer(PREFIX + "PARTITIONS", 3, 1, Integer.MAX_VALUE);
        static final EnvKey<Short> REPLICATION = EnvKey.shortInteger(PREFIX + "REPLICATION", (short) 1, (short) 1,
                Short.MAX_VALUE);
        static final EnvKey<Long> MAX_BODY_BYTES = EnvKey.bytes(PREFIX + "MAX_BODY_BYTES", 2L * 1024 * 1024, 1024);
        static final EnvKey<Long> MAX_DECOMPRESSED_BYTES = EnvKey.bytes(PREFIX + "MAX_DECOMPRESSED_BYTES",
                8L * 1024 * 1024, 1024);
        static final EnvKey<Integer> MAX_RECORDS = EnvKey.integer(PREFIX + "MAX_RECORDS", 10_000, 1,
                Integer.MAX_VALUE);
        static final EnvKey<Integer> MAX_IN_FLIGHT_RECORDS = EnvKey.integer(PREFIX + "MAX_IN_FLIGHT_RECORDS",
                100_000, 1, Integer.MAX_VALUE);
        static final EnvKey<Long> MAX_IN_FLIGHT_BYTES = EnvKey.bytes(PREFIX + "MAX_IN_FLIGHT_BYTES",
                64L * 1024 * 1024, 1024);
        static final EnvKey<Duration> REQUEST_TIMEOUT = EnvKey.duration(PREFIX + "REQUEST_TIMEOUT",
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        static final EnvKey<Duration> STARTUP_TIMEOUT = EnvKey.positiveDuration(PREFIX + "STARTUP_TIMEOUT",
                Duration.ofSeconds(60));
        static final EnvKey<String> COMPRESSION = EnvKey.oneOf(PREFIX + "COMPRESSION", COMPRESSIONS, "lz4");
        static final EnvSpec SPEC = EnvSpec.of("ingest", BIND, PORT, KEY, KEYS, METRICS_KEY, TOPIC, PARTITIONS,
                        REPLICATION, MAX_BODY_BYTES, MAX_DECOMPRESSED_BYTES, MAX_RECORDS, MAX_IN_FLIGHT_RECORDS,
                        MAX_IN_FLIGHT_BYTES, REQUEST_TIMEOUT, STARTUP_TIMEOUT, COMPRESSION)
                .including(KafkaEnvironment.ENV)
                .styled(env -> env.withBareValues().withDurationExample("such as PT30S"));

        private EnvNames() {
        }
    }

    /** Builds a config from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int port = 8082;
        private List<String> apiKeys = List.of();
        private List<String> metricsKeys = List.of();
        private KafkaClientSettings kafka = KafkaClientSettings.plaintext(KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        private String topic = "edgeward.logs";
        private int partitions = 3;
        private short replication = 1;
        private long maxBodyBytes = 2L * 1024 * 1024;
        private long maxDecompressedBytes = 8L * 1024 * 1024;
        private int maxRecords = 10_000;
        private int maxInFlightRecords = 100_000;
        private long maxInFlightBytes = 64L * 1024 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration startupTimeout = Duration.ofSeconds(60);
        private String compression = "lz4";

        private Builder() {
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder apiKeys(List<String> v) { apiKeys = v; return this; }
        public Builder apiKey(String v) { apiKeys = List.of(v); return this; }
        public Builder metricsKeys(List<String> v) { metricsKeys = v; return this; }
        /** The brokers, keeping the security settings. */
        public Builder bootstrapServers(String v) { kafka = kafka.withBootstrapServers(v); return this; }
        public Builder kafka(KafkaClientSettings v) { kafka = v; return this; }
        public Builder topic(String v) { topic = v; return this; }
        public Builder partitions(int v) { partitions = v; return this; }
        public Builder replication(short v) { replication = v; return this; }
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public Builder maxDecompressedBytes(long v) { maxDecompressedBytes = v; return this; }
        public Builder maxRecords(int v) { maxRecords = v; return this; }
        public Builder maxInFlightRecords(int v) { maxInFlightRecords = v; return this; }
        public Builder maxInFlightBytes(long v) { maxInFlightBytes = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder startupTimeout(Duration v) { startupTimeout = v; return this; }
        public Builder compression(String v) { compression = v; return this; }

        public IngestConfig build() {
            return new IngestConfig(bindAddress, port, apiKeys, metricsKeys, kafka, topic, partitions,
                    replication, maxBodyBytes, maxDecompressedBytes, maxRecords, maxInFlightRecords,
                    maxInFlightBytes, requestTimeout, startupTimeout, compression);
        }
    }
}
