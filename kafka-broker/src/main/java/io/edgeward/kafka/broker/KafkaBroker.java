package io.edgeward.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) running in a child JVM on this JVM's
 * class path, which must hold {@code kafka_2.13}. Listeners bind to 127.0.0.1 only. The child's output goes to
 * {@code <dataDir>/broker.log}; the child exits when this JVM dies.
 *
 * <p>{@link #stop()} and {@link #restart()} keep the data directory and ports, for fault tests and for restarting
 * the local stack's broker.
 *
 * <p>{@link #startWithTls} adds two TLS listeners beside the plaintext one (which stays for the broker's own use and
 * for readiness): {@link #sslBootstrapServers()} authenticates the broker only, {@link #mutualTlsBootstrapServers()}
 * also requires a client certificate signed by the test CA.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path propertiesFile;
    private final int port;
    private final int sslPort;
    private final int mutualTlsPort;
    private Process process;

    private KafkaBroker(Path dataDir, Path propertiesFile, int port, int sslPort, int mutualTlsPort) {
        this.dataDir = dataDir;
        this.propertiesFile = propertiesFile;
        this.port = port;
        this.sslPort = sslPort;
        this.mutualTlsPort = mutualTlsPort;
    }

    /** Formats {@code dataDir} (unless already formatted) and starts a broker on a free port. */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Formats {@code dataDir} (unless already formatted) and starts a broker listening on {@code port} (0 picks a
     * free one), returning once the broker answers {@code describeCluster}.
     */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, null);
    }

    /**
     * Formats {@code dataDir} (unless already formatted) and starts a broker with a plaintext listener and the two
     * TLS listeners, serving {@code tls}'s broker certificate and trusting its CA.
     */
    public static KafkaBroker startWithTls(Path dataDir, TlsMaterial tls) {
        return start(dataDir, 0, tls);
    }

    private static KafkaBroker start(Path dataDir, int port, TlsMaterial tls) {
        try {
            Files.createDirectories(dataDir);
            Path props = dataDir.resolve("server.properties");
            int brokerPort = port == 0 ? freePort() : port;
            int sslPort = tls == null ? 0 : freePort();
            int mutualTlsPort = tls == null ? 0 : freePort();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                writeProperties(props, dataDir, new Ports(brokerPort, freePort(), sslPort, mutualTlsPort), tls);
                format(dataDir, props);
            } else {
                brokerPort = Integer.parseInt(readProperty(props, "edgeward.port"));
                sslPort = tls == null ? 0 : Integer.parseInt(readProperty(props, "edgeward.ssl.port"));
                mutualTlsPort = tls == null ? 0 : Integer.parseInt(readProperty(props, "edgeward.mtls.port"));
            }
            KafkaBroker broker = new KafkaBroker(dataDir, props, brokerPort, sslPort, mutualTlsPort);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new BrokerStartException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The TLS listener that authenticates the broker only; {@link #startWithTls} brokers have it. */
    public String sslBootstrapServers() {
        requireTls();
        return "127.0.0.1:" + sslPort;
    }

    /** The TLS listener that also requires a client certificate signed by the test CA. */
    public String mutualTlsBootstrapServers() {
        requireTls();
        return "127.0.0.1:" + mutualTlsPort;
    }

    private void requireTls() {
        if (sslPort == 0) {
            throw new IllegalStateException("this broker has no TLS listeners: start it with startWithTls");
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Creates a topic unless it exists. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get(30,
                    TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** Stops the broker process and waits for it to exit; data and ports are kept for {@link #restart()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the stopped broker again on the same port and data. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Stops the broker. The data directory is left in place (it lives under target/ or the local run folder). */
    @Override
    public synchronized void close() {
        stop();
    }

    private synchronized void launch() {
        List<String> command = javaCommand();
        command.add(BrokerMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(propertiesFile.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new BrokerStartException("cannot start the Kafka broker JVM", e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-broker-stop"));
        awaitReady(started);
        log.info("Kafka broker ready at {} (data {})", bootstrapServers(), dataDir);
    }

    private void awaitReady(Process started) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Exception last = null;
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                if (!started.isAlive()) {
                    throw new BrokerStartException("Kafka broker exited with " + started.exitValue() + "; see "
                            + dataDir.resolve("broker.log"));
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = e;
                    started.waitFor(200, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.destroyForcibly();
        throw new BrokerStartException("Kafka broker not ready within " + START_TIMEOUT + "; see "
                + dataDir.resolve("broker.log"), last);
    }

    private static void format(Path dataDir, Path props) throws IOException {
        List<String> command = javaCommand();
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", props.toString()));
        Path formatLog = dataDir.resolve("format.log");
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(formatLog.toFile()).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new BrokerStartException("formatting Kafka storage failed; see " + formatLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while formatting Kafka storage", e);
        }
    }

    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", classPath()));
        return command;
    }

    /** Surefire runs tests from a manifest-only jar, so the real class path is in its own property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private record Ports(int plaintext, int controller, int ssl, int mutualTls) {
    }

    private static void writeProperties(Path file, Path dataDir, Ports ports, TlsMaterial tls) throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + ports.plaintext()
                + (tls == null ? "" : ",SSL://127.0.0.1:" + ports.ssl() + ",MTLS://127.0.0.1:" + ports.mutualTls());
        String props = String.join("\n",
                "# Written by Edgeward's KafkaBroker: a single-node KRaft broker for local use and tests.",
                "edgeward.port=" + ports.plaintext(),
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + ports.controller(),
                "listeners=" + listeners + ",CONTROLLER://127.0.0.1:" + ports.controller(),
                "advertised.listeners=" + listeners,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                        + (tls == null ? "" : ",SSL:SSL,MTLS:SSL"),
                "log.dirs=" + dataDir.resolve("logs").toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=2097152",
                "log.segment.bytes=16777216",
                "") + "\n" + (tls == null ? "" : tlsProperties(ports, tls));
        Files.writeString(file, props);
    }

    private static String tlsProperties(Ports ports, TlsMaterial tls) {
        return String.join("\n",
                "edgeward.ssl.port=" + ports.ssl(),
                "edgeward.mtls.port=" + ports.mutualTls(),
                "ssl.keystore.location=" + tls.brokerKeystore().toAbsolutePath(),
                "ssl.keystore.password=" + tls.password(),
                "ssl.key.password=" + tls.password(),
                "ssl.keystore.type=" + TlsMaterial.STORE_TYPE,
                "ssl.truststore.location=" + tls.truststore().toAbsolutePath(),
                "ssl.truststore.password=" + tls.password(),
                "ssl.truststore.type=" + TlsMaterial.STORE_TYPE,
                "listener.name.mtls.ssl.client.auth=required",
                "") + "\n";
    }

    private static String readProperty(Path file, String key) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        String value = props.getProperty(key);
        if (value == null) {
            throw new BrokerStartException(file + " has no " + key + "; delete " + file.getParent() + " to re-format");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Deletes a broker's data directory; for tests that want no trace. */
    public static void deleteDataDir(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
