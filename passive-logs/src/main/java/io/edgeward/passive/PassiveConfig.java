package io.edgeward.passive;

import static io.edgeward.env.ConfigChecks.positive;
import static io.edgeward.env.ConfigChecks.require;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import io.edgeward.passive.parse.RealtimeFields;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The passive Lambdas' configuration, validated when built; the bad value is in the message.
 *
 * <p>Environment ({@link #fromEnvironment}): {@code EDGEWARD_INGEST_URL} (required), {@code EDGEWARD_INGEST_KEY}
 * or {@code EDGEWARD_INGEST_KEY_SECRET_ARN} (exactly one), {@code EDGEWARD_BATCH_SIZE} (500),
 * {@code EDGEWARD_SKIP_EXTENSIONS} (comma-separated, empty), {@code EDGEWARD_MASK_QUERY_PARAMS} (names masked besides
 * the built-in defaults of edge-core's {@code FieldNames}; empty), {@code EDGEWARD_UNMASK_DEFAULTS} (defaults not to
 * mask, each a default; empty), {@code EDGEWARD_REALTIME_FIELDS} (comma-separated; all 69 in canonical
 * order), {@code EDGEWARD_INGEST_TIMEOUT} ({@code PT10S}), {@code EDGEWARD_INGEST_MAX_ATTEMPTS} (6),
 * {@code EDGEWARD_RETRY_BASE_DELAY} ({@code PT0.2S}), {@code EDGEWARD_RETRY_MAX_DELAY} ({@code PT20S}).
 */
public record PassiveConfig(
        URI ingestUrl,
        String ingestKey,
        String ingestKeySecretArn,
        int batchSize,
        List<String> skipExtensions,
        List<String> maskQueryParams,
        List<String> unmaskDefaults,
        List<String> realtimeFields,
        Duration ingestTimeout,
        int maxAttempts,
        Duration retryBaseDelay,
        Duration retryMaxDelay) {

    /**
     * The query names passive mode masked before masking became additive. All are among edge-core's built-in defaults,
     * which are masked whatever is configured, so passing this list adds nothing; kept for callers of that time.
     */
    public static final List<String> DEFAULT_MASKED = List.of("password", "token", "code", "session");
    /** Ingest's default bound on records per batch is 10,000. */
    public static final int MAX_BATCH = 10_000;

    public PassiveConfig {
        require(ingestUrl != null, "ingest.url is required (EDGEWARD_INGEST_URL)");
        String scheme = ingestUrl.getScheme();
        require(("http".equals(scheme) || "https".equals(scheme)) && ingestUrl.getHost() != null,
                "ingest.url must be an http(s) URL, was " + ingestUrl);
        boolean hasKey = ingestKey != null && !ingestKey.isBlank();
        boolean hasArn = ingestKeySecretArn != null && !ingestKeySecretArn.isBlank();
        require(hasKey != hasArn, "exactly one of ingest.key (EDGEWARD_INGEST_KEY) and ingest.keySecretArn"
                + " (EDGEWARD_INGEST_KEY_SECRET_ARN) must be set, " + (hasKey ? "both were" : "neither was"));
        require(batchSize >= 1 && batchSize <= MAX_BATCH,
                "batchSize must be between 1 and " + MAX_BATCH + ", was " + batchSize);
        skipExtensions = List.copyOf(skipExtensions);
        maskQueryParams = List.copyOf(maskQueryParams);
        unmaskDefaults = List.copyOf(unmaskDefaults);
        try {
            Masking.of(maskQueryParams, unmaskDefaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("masking (EDGEWARD_MASK_QUERY_PARAMS, EDGEWARD_UNMASK_DEFAULTS): "
                    + e.getMessage());
        }
        try {
            realtimeFields = RealtimeFields.inCanonicalOrder(realtimeFields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("realtimeFields: " + e.getMessage());
        }
        require(!realtimeFields.isEmpty(), "realtimeFields must not be empty");
        positive(ingestTimeout, "ingest.timeout");
        require(maxAttempts >= 1, "ingest.maxAttempts must be >= 1, was " + maxAttempts);
        require(retryBaseDelay != null && !retryBaseDelay.isNegative(),
                "retry.baseDelay must be >= 0, was " + retryBaseDelay);
        require(retryMaxDelay != null && retryMaxDelay.compareTo(retryBaseDelay) >= 0 && !retryMaxDelay.isZero(),
                "retry.maxDelay must be > 0 and >= retry.baseDelay (" + retryBaseDelay + "), was " + retryMaxDelay);
    }

    /** Defaults for everything but the ingest endpoint and key. */
    public static PassiveConfig of(URI ingestUrl, String ingestKey) {
        return new PassiveConfig(ingestUrl, ingestKey, null, 500, List.of(), List.of(), List.of(),
                RealtimeFields.CANONICAL, Duration.ofSeconds(10), 6, Duration.ofMillis(200), Duration.ofSeconds(20));
    }

    static final EnvKey<URI> INGEST_URL = EnvKey.url("EDGEWARD_INGEST_URL", null).required();
    static final EnvKey<String> INGEST_KEY = EnvKey.secret("EDGEWARD_INGEST_KEY");
    static final EnvKey<String> INGEST_KEY_SECRET_ARN = EnvKey.string("EDGEWARD_INGEST_KEY_SECRET_ARN", null);
    static final EnvKey<Integer> BATCH_SIZE = EnvKey.integer("EDGEWARD_BATCH_SIZE", 500, 1, MAX_BATCH);
    static final EnvKey<List<String>> SKIP_EXTENSIONS = EnvKey.list("EDGEWARD_SKIP_EXTENSIONS", List.of());
    static final EnvKey<List<String>> MASK_QUERY_PARAMS = EnvKey.list("EDGEWARD_MASK_QUERY_PARAMS", List.of());
    static final EnvKey<List<String>> UNMASK_DEFAULTS = EnvKey.list("EDGEWARD_UNMASK_DEFAULTS", List.of());
    static final EnvKey<List<String>> REALTIME_FIELDS = EnvKey.list("EDGEWARD_REALTIME_FIELDS",
            RealtimeFields.CANONICAL);
    static final EnvKey<Duration> INGEST_TIMEOUT = EnvKey.positiveDuration("EDGEWARD_INGEST_TIMEOUT",
            Duration.ofSeconds(10));
    static final EnvKey<Integer> INGEST_MAX_ATTEMPTS = EnvKey.integer("EDGEWARD_INGEST_MAX_ATTEMPTS", 6, 1,
            Integer.MAX_VALUE);
    static final EnvKey<Duration> RETRY_BASE_DELAY = EnvKey.duration("EDGEWARD_RETRY_BASE_DELAY",
            Duration.ofMillis(200), Duration.ZERO);
    static final EnvKey<Duration> RETRY_MAX_DELAY = EnvKey.positiveDuration("EDGEWARD_RETRY_MAX_DELAY",
            Duration.ofSeconds(20));

    /** Every variable the passive functions read; any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvSpec.of("passive", INGEST_URL, INGEST_KEY, INGEST_KEY_SECRET_ARN,
                    BATCH_SIZE, SKIP_EXTENSIONS, MASK_QUERY_PARAMS, UNMASK_DEFAULTS, REALTIME_FIELDS, INGEST_TIMEOUT,
                    INGEST_MAX_ATTEMPTS, RETRY_BASE_DELAY, RETRY_MAX_DELAY)
            .styled(env -> env.withDurationExample("such as PT10S"));

    public static PassiveConfig fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** For the Lambda handlers: the process environment, its effective configuration logged once. */
    static PassiveConfig fromLambdaEnvironment() {
        EnvValues env = ENV.read(System.getenv());
        PassiveConfig config = from(env);
        LoggerFactory.getLogger(PassiveConfig.class).info("{}", env.effectiveConfiguration());
        return config;
    }

    static PassiveConfig from(EnvValues env) {
        return new PassiveConfig(env.get(INGEST_URL), env.get(INGEST_KEY), env.get(INGEST_KEY_SECRET_ARN),
                env.get(BATCH_SIZE), env.get(SKIP_EXTENSIONS), env.get(MASK_QUERY_PARAMS), env.get(UNMASK_DEFAULTS),
                env.get(REALTIME_FIELDS), env.get(INGEST_TIMEOUT), env.get(INGEST_MAX_ATTEMPTS),
                env.get(RETRY_BASE_DELAY), env.get(RETRY_MAX_DELAY));
    }

    public PassiveConfig withBatchSize(int size) {
        return new PassiveConfig(ingestUrl, ingestKey, ingestKeySecretArn, size, skipExtensions, maskQueryParams,
                unmaskDefaults,
                realtimeFields, ingestTimeout, maxAttempts, retryBaseDelay, retryMaxDelay);
    }

    /** Extensions to skip and query names to mask besides the defaults; opt-outs are kept. */
    public PassiveConfig withFilters(List<String> skip, List<String> masked) {
        return withFilters(skip, masked, unmaskDefaults);
    }

    public PassiveConfig withFilters(List<String> skip, List<String> masked, List<String> unmasked) {
        return new PassiveConfig(ingestUrl, ingestKey, ingestKeySecretArn, batchSize, skip, masked, unmasked,
                realtimeFields, ingestTimeout, maxAttempts, retryBaseDelay, retryMaxDelay);
    }

    public PassiveConfig withRealtimeFields(List<String> fields) {
        return new PassiveConfig(ingestUrl, ingestKey, ingestKeySecretArn, batchSize, skipExtensions,
                maskQueryParams, unmaskDefaults, fields, ingestTimeout, maxAttempts, retryBaseDelay, retryMaxDelay);
    }

    public PassiveConfig withRetries(int attempts, Duration base, Duration max, Duration timeout) {
        return new PassiveConfig(ingestUrl, ingestKey, ingestKeySecretArn, batchSize, skipExtensions,
                maskQueryParams, unmaskDefaults, realtimeFields, timeout, attempts, base, max);
    }

    /** The key is never printed. */
    @Override
    public String toString() {
        return "PassiveConfig[ingestUrl=" + ingestUrl + ", ingestKey=" + (ingestKey == null ? "unset" : "***")
                + ", ingestKeySecretArn=" + ingestKeySecretArn + ", batchSize=" + batchSize + ", skipExtensions="
                + skipExtensions + ", maskQueryParams=" + maskQueryParams + ", unmaskDefaults=" + unmaskDefaults
                + ", realtimeFields="
                + realtimeFields.size() + " fields, ingestTimeout=" + ingestTimeout + ", maxAttempts=" + maxAttempts
                + ", retryBaseDelay=" + retryBaseDelay + ", retryMaxDelay=" + retryMaxDelay + "]";
    }
}
