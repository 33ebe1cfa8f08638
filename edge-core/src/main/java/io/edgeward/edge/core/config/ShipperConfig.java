package io.edgeward.edge.core.config;

import io.edgeward.edge.core.logrecord.FieldNames;
import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ingest} and {@code logging} sections of {@code edgeward-edge.json} (docs/contracts.md): where the edge
 * ships its log records and what it leaves out of them. Validated when read; every message names the bad value.
 * Unknown keys inside the two sections are rejected; the other sections belong to the full edge config.
 *
 * @param ingest  required
 * @param logging optional in the file; defaults listed on {@link Logging}
 */
public record ShipperConfig(Ingest ingest, Logging logging) {

    public ShipperConfig {
        if (ingest == null) {
            throw new ConfigException("ingest must be configured");
        }
        logging = logging == null ? Logging.defaults() : logging;
    }

    /**
     * Reads the two sections from the parsed config file (plain values of the JsonCodec port).
     *
     * @throws ConfigException naming the key and the bad value (never the API key)
     */
    public static ShipperConfig fromJson(Map<String, Object> root) {
        if (root == null) {
            throw new ConfigException("edge configuration must be a JSON object");
        }
        if (root.get("ingest") == null) {
            throw new ConfigException("ingest is required (url and apiKey at least)");
        }
        return new ShipperConfig(Ingest.read(root.get("ingest")), Logging.read(root.get("logging")));
    }

    /** The two sections as {@link EdgeConfig} kept them, so one file configures both edge functions. */
    public static ShipperConfig from(EdgeConfig edge) {
        Map<String, Object> root = new java.util.HashMap<>();
        root.put("ingest", edge.ingest());
        root.put("logging", edge.logging());
        return fromJson(root);
    }

    /**
     * Where and how log batches go.
     *
     * @param url           ingest base URL, http or https; records go to {@code <url>/v1/logs}
     * @param apiKey        Bearer key for ingest; never printed by {@link #toString()}
     * @param batchSize     records per POST, 1..10000 (default 50); a full batch is sent at once
     * @param maxAgeMillis  a partial batch is sent once its oldest record is this old (default PT2S), checked at the
     *                      start of each invocation since a frozen Lambda environment runs no timers
     * @param queueLimit    records held at most, ≥ batchSize (default 1000); beyond it the oldest are dropped
     * @param timeoutMillis per POST (default PT1S)
     * @param maxInFlight   POSTs awaiting an answer at most, 1..64 (default 4; optional, an extension of the
     *                      contract); further batches wait in the queue
     */
    public record Ingest(String url, String apiKey, int batchSize, long maxAgeMillis, int queueLimit,
                         int timeoutMillis, int maxInFlight) {

        public static final int DEFAULT_BATCH_SIZE = 50;
        public static final long DEFAULT_MAX_AGE_MILLIS = 2000;
        public static final int DEFAULT_QUEUE_LIMIT = 1000;
        public static final int DEFAULT_TIMEOUT_MILLIS = 1000;
        public static final int DEFAULT_MAX_IN_FLIGHT = 4;

        private static final Set<String> KEYS =
                Set.of("url", "apiKey", "batchSize", "maxAge", "queueLimit", "timeout", "maxInFlight");

        public Ingest {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))
                    || url.indexOf("://") + 3 >= url.length()) {
                throw new ConfigException("ingest.url must be an http(s) URL, was " + url);
            }
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (apiKey == null || apiKey.trim().isEmpty()) {
                throw new ConfigException("ingest.apiKey must not be empty");
            }
            requireRange("ingest.batchSize", batchSize, 1, 10_000);
            if (maxAgeMillis <= 0) {
                throw new ConfigException("ingest.maxAge must be > 0, was " + maxAgeMillis + " ms");
            }
            if (queueLimit < batchSize) {
                throw new ConfigException(
                        "ingest.queueLimit must be >= ingest.batchSize (" + batchSize + "), was " + queueLimit);
            }
            if (timeoutMillis <= 0) {
                throw new ConfigException("ingest.timeout must be > 0, was " + timeoutMillis + " ms");
            }
            requireRange("ingest.maxInFlight", maxInFlight, 1, 64);
        }

        /** Defaults for everything but the two values that have none. */
        public static Ingest of(String url, String apiKey) {
            return new Ingest(url, apiKey, DEFAULT_BATCH_SIZE, DEFAULT_MAX_AGE_MILLIS, DEFAULT_QUEUE_LIMIT,
                    DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_IN_FLIGHT);
        }

        static Ingest read(Object section) {
            ConfigReader reader = ConfigReader.section("ingest", section, KEYS);
            return new Ingest(reader.requiredString("url"), reader.requiredString("apiKey"),
                    reader.integer("batchSize", DEFAULT_BATCH_SIZE),
                    reader.durationMillis("maxAge", IsoDuration.format(DEFAULT_MAX_AGE_MILLIS)),
                    reader.integer("queueLimit", DEFAULT_QUEUE_LIMIT),
                    (int) Math.min(Integer.MAX_VALUE,
                            reader.durationMillis("timeout", IsoDuration.format(DEFAULT_TIMEOUT_MILLIS))),
                    reader.integer("maxInFlight", DEFAULT_MAX_IN_FLIGHT));
        }

        /** The endpoint batches are posted to. */
        public String logsUrl() {
            return url + "/v1/logs";
        }

        @Override
        public String toString() {
            return "Ingest[url=" + url + ", apiKey=***, batchSize=" + batchSize + ", maxAgeMillis=" + maxAgeMillis
                    + ", queueLimit=" + queueLimit + ", timeoutMillis=" + timeoutMillis + ", maxInFlight="
                    + maxInFlight + "]";
        }
    }

    /**
     * What the log record leaves out. Names are compared case-insensitively and kept lowercase.
     *
     * <p>Masking is additive: the built-in names of {@link FieldNames#DEFAULTS} are always masked, in queries, form
     * bodies and JSON bodies, and the names configured here are added to them. A default is dropped only by naming it
     * in {@code unmaskDefaults}, so an older file that listed {@code ["password"]} keeps every default.
     *
     * @param skipExtensions  paths ending in {@code .<ext>} are not logged (default none: asset loading is a signal)
     * @param maskQueryParams extra field names to mask (default none); they apply to bodies too
     * @param maskBodyFields  extra field names to mask (default none); they apply to queries too
     * @param unmaskDefaults  defaults the operator chooses not to mask (default none); each must be a default
     */
    public record Logging(List<String> skipExtensions, List<String> maskQueryParams, List<String> maskBodyFields,
                          List<String> unmaskDefaults) {

        private static final Set<String> KEYS =
                Set.of("skipExtensions", "maskQueryParams", "maskBodyFields", "unmaskDefaults");

        public Logging {
            skipExtensions = normalise("logging.skipExtensions", skipExtensions, true);
            maskQueryParams = requireWords("logging.maskQueryParams",
                    normalise("logging.maskQueryParams", maskQueryParams, false));
            maskBodyFields = requireWords("logging.maskBodyFields",
                    normalise("logging.maskBodyFields", maskBodyFields, false));
            unmaskDefaults = normalise("logging.unmaskDefaults", unmaskDefaults == null ? List.of() : unmaskDefaults,
                    false);
            for (String name : unmaskDefaults) {
                if (!FieldNames.DEFAULTS.contains(name)) {
                    throw new ConfigException("logging.unmaskDefaults may name only default masked names, was " + name
                            + " (defaults: " + FieldNames.DEFAULTS + ")");
                }
            }
        }

        /** Without opt-outs: every default stays masked. */
        public Logging(List<String> skipExtensions, List<String> maskQueryParams, List<String> maskBodyFields) {
            this(skipExtensions, maskQueryParams, maskBodyFields, List.of());
        }

        public static Logging defaults() {
            return new Logging(List.of(), List.of(), List.of(), List.of());
        }

        static Logging read(Object section) {
            ConfigReader reader = ConfigReader.section("logging", section, KEYS);
            return new Logging(reader.strings("skipExtensions"), reader.strings("maskQueryParams"),
                    reader.strings("maskBodyFields"), reader.strings("unmaskDefaults"));
        }

        private static List<String> requireWords(String key, List<String> names) {
            for (String name : names) {
                if (!FieldNames.hasWords(name)) {
                    throw new ConfigException(key + " names must hold a letter or digit, was " + name);
                }
            }
            return names;
        }

        private static List<String> normalise(String key, List<String> values, boolean extension) {
            if (values == null) {
                throw new ConfigException(key + " must be a list");
            }
            List<String> out = new ArrayList<>(values.size());
            for (String value : values) {
                String name = value == null ? "" : Ascii.lowerCase(value.trim());
                if (extension && name.startsWith(".")) {
                    name = name.substring(1);
                }
                if (name.isEmpty()) {
                    throw new ConfigException(key + " must not contain empty names, was " + values);
                }
                out.add(name);
            }
            return Collections.unmodifiableList(out);
        }
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
