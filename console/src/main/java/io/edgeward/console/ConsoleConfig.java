package io.edgeward.console;

import io.edgeward.console.figures.FiguresConfig;
import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.env.kafka.KafkaEnvironment;
import io.edgeward.env.net.Cidr;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's configuration, validated on construction with the bad value in the message (never the token's).
 *
 * @param port            HTTP port ({@code EDGEWARD_CONSOLE_PORT}, default 8084)
 * @param bindAddress     listen address ({@code EDGEWARD_CONSOLE_BIND}, default 127.0.0.1: put a TLS proxy in front
 *                        to expose it; the session cookie is {@code Secure})
 * @param adminToken      the login token and the bearer token for Protector's admin API
 *                        ({@code EDGEWARD_ADMIN_TOKEN}, required, at least 16 characters)
 * @param protectorUrl    Protector's base URL ({@code EDGEWARD_CONSOLE_PROTECTOR_URL}, default http://127.0.0.1:8081)
 * @param sessionTtl      absolute lifetime of a console session ({@code EDGEWARD_CONSOLE_SESSION_TTL}, default PT8H)
 * @param idleTtl         a session unused this long ends ({@code EDGEWARD_CONSOLE_IDLE_TTL}, default PT30M)
 * @param kafka           {@code EDGEWARD_KAFKA_*}, for the figures' Kafka Streams application
 * @param applicationId   the figures' application id ({@code EDGEWARD_CONSOLE_APP_ID}, default
 *                        {@code edgeward-console-<hostname>}: each instance holds every figure)
 * @param stateDir        the figures' state directory ({@code EDGEWARD_CONSOLE_STATE_DIR}, default
 *                        {@code ${java.io.tmpdir}/edgeward-console})
 * @param policyFile      the shared policy file the policy page shows ({@code EDGEWARD_POLICY_FILE}); null: the bundled
 *                        default
 * @param logsTopic       {@code EDGEWARD_LOGS_TOPIC} (edgeward.logs)
 * @param detectionsTopic {@code EDGEWARD_DETECTIONS_TOPIC} (edgeward.detections)
 * @param challengesTopic {@code EDGEWARD_CHALLENGES_TOPIC} (edgeward.challenges)
 * @param trustedProxies  load balancers or proxies in front of the console ({@code EDGEWARD_CONSOLE_TRUSTED_PROXIES},
 *                        CIDRs, default none): from them, failed logins are counted against the client their
 *                        {@code X-Forwarded-For} names, not against the proxy
 */
public record ConsoleConfig(int port, String bindAddress, String adminToken, URI protectorUrl, Duration sessionTtl,
                            Duration idleTtl, KafkaClientSettings kafka, String applicationId, Path stateDir,
                            Path policyFile, String logsTopic, String detectionsTopic, String challengesTopic,
                            List<Cidr> trustedProxies) {

    static final int MIN_TOKEN_LENGTH = 16;
    /** The figures' Kafka Streams commit interval: how fresh the live page can be. */
    public static final Duration FIGURES_COMMIT_INTERVAL = Duration.ofSeconds(1);

    public ConsoleConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console.port must be 0 to 65535, was " + port);
        }
        require(bindAddress, "console.bindAddress");
        if (adminToken == null || adminToken.strip().length() < MIN_TOKEN_LENGTH) {
            // never echo a secret, not even a short one
            throw new IllegalArgumentException("console.adminToken must be at least " + MIN_TOKEN_LENGTH
                    + " characters, was " + (adminToken == null ? "missing" : adminToken.strip().length() + " characters"));
        }
        adminToken = adminToken.strip();
        if (protectorUrl == null) {
            throw new IllegalArgumentException("console.protectorUrl is required");
        }
        positive(sessionTtl, "console.sessionTtl");
        positive(idleTtl, "console.idleTtl");
        if (kafka == null) {
            throw new IllegalArgumentException("console.kafka is required");
        }
        require(applicationId, "console.applicationId");
        if (stateDir == null) {
            throw new IllegalArgumentException("console.stateDir is required");
        }
        require(logsTopic, "console.logsTopic");
        require(detectionsTopic, "console.detectionsTopic");
        require(challengesTopic, "console.challengesTopic");
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** Defaults around a token and Protector's URL, for tests and {@code local/}. */
    public static ConsoleConfig of(String adminToken, URI protectorUrl) {
        return new ConsoleConfig(0, "127.0.0.1", adminToken, protectorUrl, Duration.ofHours(8), Duration.ofMinutes(30),
                KafkaClientSettings.plaintext(KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS), "edgeward-console-test",
                Path.of(System.getProperty("java.io.tmpdir"), "edgeward-console"), null, "edgeward.logs",
                "edgeward.detections", "edgeward.challenges", List.of());
    }

    /** What the figures' Kafka Streams application reads, and where it keeps its state. */
    public FiguresConfig figures() {
        return new FiguresConfig(kafka, applicationId, stateDir, logsTopic, detectionsTopic, challengesTopic,
                FIGURES_COMMIT_INTERVAL);
    }

    public ConsoleConfig withTtls(Duration session, Duration idle) {
        return new ConsoleConfig(port, bindAddress, adminToken, protectorUrl, session, idle, kafka, applicationId,
                stateDir, policyFile, logsTopic, detectionsTopic, challengesTopic, trustedProxies);
    }

    public ConsoleConfig withTrustedProxies(List<Cidr> proxies) {
        return new ConsoleConfig(port, bindAddress, adminToken, protectorUrl, sessionTtl, idleTtl, kafka, applicationId,
                stateDir, policyFile, logsTopic, detectionsTopic, challengesTopic, proxies);
    }

    public ConsoleConfig withPolicyFile(Path file) {
        return new ConsoleConfig(port, bindAddress, adminToken, protectorUrl, sessionTtl, idleTtl, kafka, applicationId,
                stateDir, file, logsTopic, detectionsTopic, challengesTopic, trustedProxies);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ConsoleConfig[port=" + port + ", bind=" + bindAddress + ", protector=" + protectorUrl + ", sessionTtl="
                + sessionTtl + ", idleTtl=" + idleTtl + ", applicationId=" + applicationId + ", policyFile="
                + policyFile + "]";
    }

    private static final String P = "EDGEWARD_CONSOLE_";
    static final EnvKey<Integer> PORT = EnvKey.port(P + "PORT", 8084);
    static final EnvKey<String> BIND = EnvKey.string(P + "BIND", "127.0.0.1");
    static final EnvKey<String> ADMIN_TOKEN = EnvKey.secret("EDGEWARD_ADMIN_TOKEN").required();
    static final EnvKey<URI> PROTECTOR_URL = EnvKey.url(P + "PROTECTOR_URL", URI.create("http://127.0.0.1:8081"));
    static final EnvKey<Duration> SESSION_TTL = EnvKey.positiveDuration(P + "SESSION_TTL", Duration.ofHours(8));
    static final EnvKey<Duration> IDLE_TTL = EnvKey.positiveDuration(P + "IDLE_TTL", Duration.ofMinutes(30));
    static final EnvKey<String> APP_ID = EnvKey.string(P + "APP_ID", null);
    static final EnvKey<Path> STATE_DIR = EnvKey.path(P + "STATE_DIR",
            Path.of(System.getProperty("java.io.tmpdir"), "edgeward-console"));
    static final EnvKey<Path> POLICY_FILE = EnvKey.path("EDGEWARD_POLICY_FILE", null);
    static final EnvKey<String> LOGS_TOPIC = EnvKey.string("EDGEWARD_LOGS_TOPIC", "edgeward.logs");
    static final EnvKey<String> DETECTIONS_TOPIC = EnvKey.string("EDGEWARD_DETECTIONS_TOPIC", "edgeward.detections");
    static final EnvKey<String> CHALLENGES_TOPIC = EnvKey.string("EDGEWARD_CHALLENGES_TOPIC", "edgeward.challenges");
    static final EnvKey<List<String>> TRUSTED_PROXIES = EnvKey.list(P + "TRUSTED_PROXIES", List.of());

    /** Every variable the console reads (docs/console.md); any other {@code EDGEWARD_*} is refused. */
    public static final EnvSpec ENV = EnvSpec.of("console", PORT, BIND, ADMIN_TOKEN, PROTECTOR_URL, SESSION_TTL,
                    IDLE_TTL, APP_ID, STATE_DIR, POLICY_FILE, LOGS_TOPIC, DETECTIONS_TOPIC, CHALLENGES_TOPIC,
                    TRUSTED_PROXIES)
            .including(KafkaEnvironment.ENV)
            .styled(env -> env.withBareValues().withDurationExample("like PT30M"));

    /** The one place environment variables are read. */
    public static ConsoleConfig fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** The configuration from its variables; App prints {@link EnvValues#effectiveConfiguration()} of the same. */
    public static ConsoleConfig from(EnvValues env) {
        String appId = env.get(APP_ID);
        return new ConsoleConfig(env.get(PORT), env.get(BIND), env.get(ADMIN_TOKEN), env.get(PROTECTOR_URL),
                env.get(SESSION_TTL), env.get(IDLE_TTL), KafkaEnvironment.read(env),
                appId == null || appId.isBlank() ? "edgeward-console-" + hostname() : appId, env.get(STATE_DIR),
                env.get(POLICY_FILE), env.get(LOGS_TOPIC), env.get(DETECTIONS_TOPIC), env.get(CHALLENGES_TOPIC),
                proxies(env.get(TRUSTED_PROXIES)));
    }

    private static List<Cidr> proxies(List<String> ranges) {
        List<Cidr> proxies = new ArrayList<>();
        for (String range : ranges) {
            try {
                proxies.add(Cidr.parse(range.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(TRUSTED_PROXIES.name() + " must hold CIDRs like 10.0.0.0/16, was '"
                        + range + "': " + e.getMessage(), e);
            }
        }
        return proxies;
    }

    private static String hostname() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "local";
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required, was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
