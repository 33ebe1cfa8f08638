package io.edgeward.local.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@code ./edgeward local} starts, validated on construction with the bad value in the message.
 * Ports of 0 pick free ones (tests); the defaults are front 8080, Protector 8081, ingest 8082, demo origin 8090,
 * Kafka 9092.
 *
 * @param kafkaBootstrapServers an existing Kafka to use, or null to start a single-node broker in {@code dataDir}
 * @param origin              the application to protect, or null to start the demo shop
 * @param mode                edge mode: mitigate, inject or monitor
 * @param dataDir             Kafka data and the detection engine's state (kept between runs)
 * @param topicPrefix         prefix of the three topics ({@code edgeward.} gives {@code edgeward.logs} …)
 * @param policyFile          shared policy file for Protector and detection, or null for the bundled default
 * @param protectorTimeout    the edge's budget for a Protector check (fail open past it)
 * @param shipperBatchSize    log records per batch the shipper sends to ingest (small locally, so logs show soon)
 * @param shipperMaxAge       the age at which a partial batch is sent with the next request
 * @param shipperTimeout      how long the shipper waits for ingest's answer before keeping the batch for the next
 *                            flush (it is then sent again: a timeout that hides a success duplicates records)
 * @param checkIntervalInitial the first re-check interval of a new session
 * @param checkIntervalMax    the longest re-check interval
 * @param logSkipExtensions   file extensions (without dot) the shipper does not log; empty by default, since
 *                            whether a visitor loads a page's assets is a strong signal
 * @param detection           start the detection engine (tests that do not need it leave it out)
 * @param passiveDir          drop directory of the passive path: CloudFront log files put there go to ingest
 *                            (default {@code <dataDir>/passive-drop}, i.e. local/run/passive-drop)
 * @param inline              inline mode: the front runs no edge functions and sends requests to an in-process
 *                            inspecting origin, failing over to the application origin (docs/inline.md)
 * @param inspectorPort       the inspecting origin's port in inline mode (default 8083)
 * @param blockCarryMax       how long the edge enforces a block answer without asking again (edge
 *                            {@code blocks.carryMax}, default 5 min): an operator's unblock reaches a blocked client
 *                            within it
 * @param console             start the operator console (docs/console.md)
 * @param consolePort         the console's port (default 8084)
 */
public record LocalConfig(String bindAddress, int frontPort, int protectorPort, int ingestPort, int originPort,
                          int kafkaPort, String kafkaBootstrapServers, URI origin, boolean trustForwardedFor, String mode, String country,
                          Path dataDir, String topicPrefix, Path policyFile, Duration protectorTimeout,
                          int shipperBatchSize, Duration shipperMaxAge, Duration shipperTimeout, Duration checkIntervalInitial,
                          Duration checkIntervalMax, List<String> logSkipExtensions, boolean detection,
                          LocalSecrets secrets, Path passiveDir, boolean inline, int inspectorPort,
                          Duration blockCarryMax, boolean console, int consolePort) {

    static final Set<String> MODES = Set.of("mitigate", "inject", "monitor");

    public LocalConfig {
        require(bindAddress != null && !bindAddress.isBlank(), "local.bindAddress must be set, was " + bindAddress);
        port(frontPort, "local.frontPort");
        port(protectorPort, "local.protectorPort");
        port(ingestPort, "local.ingestPort");
        port(originPort, "local.originPort");
        port(kafkaPort, "local.kafkaPort");
        port(inspectorPort, "local.inspectorPort");
        port(consolePort, "local.consolePort");
        require(kafkaBootstrapServers == null || !kafkaBootstrapServers.isBlank(),
                "local.kafkaBootstrapServers must be null or host:port, was blank");
        if (origin != null) {
            String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
            require((scheme.equals("http") || scheme.equals("https")) && origin.getHost() != null,
                    "local.origin must be an http(s) URL with a host, was " + origin);
        }
        require(mode != null && MODES.contains(mode), "local.mode must be one of mitigate, inject, monitor, was " + mode);
        require(country != null && country.matches("[A-Z]{2}"), "local.country must be two capital letters, was " + country);
        Objects.requireNonNull(dataDir, "local.dataDir must be set");
        require(topicPrefix != null && topicPrefix.matches("[A-Za-z0-9._-]*"),
                "local.topicPrefix may hold only letters, digits, '.', '_' and '-', was " + topicPrefix);
        require(policyFile == null || Files.isReadable(policyFile),
                "local.policyFile must be a readable file, was " + policyFile);
        positive(protectorTimeout, "local.protectorTimeout");
        positive(blockCarryMax, "local.blockCarryMax");
        require(shipperBatchSize >= 1, "local.shipperBatchSize must be >= 1, was " + shipperBatchSize);
        positive(shipperMaxAge, "local.shipperMaxAge");
        positive(shipperTimeout, "local.shipperTimeout");
        positive(checkIntervalInitial, "local.checkIntervalInitial");
        positive(checkIntervalMax, "local.checkIntervalMax");
        require(checkIntervalMax.compareTo(checkIntervalInitial) >= 0, "local.checkIntervalMax must be >= "
                + checkIntervalInitial + ", was " + checkIntervalMax);
        logSkipExtensions = List.copyOf(Objects.requireNonNull(logSkipExtensions,
                "local.logSkipExtensions must be set"));
        Objects.requireNonNull(secrets, "local.secrets must be set");
        passiveDir = passiveDir != null ? passiveDir : dataDir.resolve("passive-drop");
    }

    public String logsTopic() {
        return topicPrefix + "logs";
    }

    public String detectionsTopic() {
        return topicPrefix + "detections";
    }

    public String decisionsTopic() {
        return topicPrefix + "decisions";
    }

    public String challengesTopic() {
        return topicPrefix + "challenges";
    }

    public static Builder builder(LocalSecrets secrets) {
        return new Builder(secrets);
    }

    /** Defaults as documented in docs/local.md. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int frontPort = 8080;
        private int protectorPort = 8081;
        private int ingestPort = 8082;
        private int originPort = 8090;
        private int kafkaPort = 9092;
        private String kafkaBootstrapServers;
        private URI origin;
        private boolean trustForwardedFor;
        private String mode = "mitigate";
        private String country = "US";
        private Path dataDir = Path.of("local", "run");
        private String topicPrefix = "edgeward.";
        private Path policyFile;
        private Duration protectorTimeout = Duration.ofMillis(300);
        private Duration blockCarryMax = Duration.ofMinutes(5);
        private int shipperBatchSize = 10;
        private Duration shipperMaxAge = Duration.ofSeconds(1);
        private Duration shipperTimeout = Duration.ofSeconds(5);
        private Duration checkIntervalInitial = Duration.ofSeconds(5);
        private Duration checkIntervalMax = Duration.ofSeconds(60);
        private List<String> logSkipExtensions = List.of();
        private boolean detection = true;
        private Path passiveDir;
        private boolean inline;
        private int inspectorPort = 8083;
        private boolean console = true;
        private int consolePort = 8084;
        private final LocalSecrets secrets;

        private Builder(LocalSecrets secrets) {
            this.secrets = secrets;
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder frontPort(int v) { frontPort = v; return this; }
        public Builder protectorPort(int v) { protectorPort = v; return this; }
        public Builder ingestPort(int v) { ingestPort = v; return this; }
        public Builder originPort(int v) { originPort = v; return this; }
        public Builder kafkaPort(int v) { kafkaPort = v; return this; }
        /** All six ports 0: free ones are picked (tests). */
        public Builder anyFreePorts() { frontPort = protectorPort = ingestPort = originPort = kafkaPort = inspectorPort = consolePort = 0; return this; }
        public Builder kafkaBootstrapServers(String v) { kafkaBootstrapServers = v; return this; }
        public Builder origin(URI v) { origin = v; return this; }
        public Builder trustForwardedFor(boolean v) { trustForwardedFor = v; return this; }
        public Builder mode(String v) { mode = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder topicPrefix(String v) { topicPrefix = v; return this; }
        public Builder policyFile(Path v) { policyFile = v; return this; }
        public Builder protectorTimeout(Duration v) { protectorTimeout = v; return this; }
        public Builder blockCarryMax(Duration v) { blockCarryMax = v; return this; }
        public Builder shipperBatchSize(int v) { shipperBatchSize = v; return this; }
        public Builder shipperMaxAge(Duration v) { shipperMaxAge = v; return this; }
        public Builder shipperTimeout(Duration v) { shipperTimeout = v; return this; }
        public Builder checkIntervalInitial(Duration v) { checkIntervalInitial = v; return this; }
        public Builder checkIntervalMax(Duration v) { checkIntervalMax = v; return this; }
        public Builder logSkipExtensions(List<String> v) { logSkipExtensions = v; return this; }
        public Builder detection(boolean v) { detection = v; return this; }
        public Builder passiveDir(Path v) { passiveDir = v; return this; }
        public Builder inline(boolean v) { inline = v; return this; }
        public Builder inspectorPort(int v) { inspectorPort = v; return this; }
        public Builder console(boolean v) { console = v; return this; }
        public Builder consolePort(int v) { consolePort = v; return this; }

        public LocalConfig build() {
            return new LocalConfig(bindAddress, frontPort, protectorPort, ingestPort, originPort, kafkaPort, kafkaBootstrapServers, origin,
                    trustForwardedFor, mode, country, dataDir, topicPrefix, policyFile, protectorTimeout,
                    shipperBatchSize, shipperMaxAge, shipperTimeout, checkIntervalInitial, checkIntervalMax, logSkipExtensions, detection, secrets,
                    passiveDir, inline, inspectorPort, blockCarryMax, console, consolePort);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void port(int port, String name) {
        require(port >= 0 && port <= 65535, name + " must be in 0..65535, was " + port);
    }

    private static void positive(Duration value, String name) {
        require(value != null && !value.isNegative() && !value.isZero(), name + " must be > 0, was " + value);
    }
}
