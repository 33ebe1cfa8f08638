package io.edgeward.local.simulate;

import io.edgeward.local.LocalStack;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./edgeward simulate flood}: the fail-open measurement. Starts a local stack of its own on loopback (so it
 * can stop Protector mid-run), puts two blocked clients in it (one blocked by session, which keeps its cookie; one
 * blocked by address, which drops cookies) and some people with valid cookies, then runs three phases: calm, a
 * cookieless flood from rotating addresses, and the same flood with Protector stopped. Prints, per phase, the share of
 * the blocked clients' requests that reached the origin and the share of the people's requests served. Bounded by
 * {@code --phase} per phase and {@code --max-requests} in all.
 */
@Command(name = "flood", mixinStandardHelpOptions = true,
        description = "Cookieless flood at a local stack of its own; stops Protector mid-run; reports what passed.")
final class Flood implements Callable<Integer> {

    static final String SESSION_BLOCKED = "192.0.2.150";
    static final String ADDRESS_BLOCKED = "203.0.113.150";

    @Option(names = "--front-port", defaultValue = "28080", description = "front port (default ${DEFAULT-VALUE})")
    int frontPort;
    @Option(names = "--protector-port", defaultValue = "28081", description = "Protector port (default ${DEFAULT-VALUE})")
    int protectorPort;
    @Option(names = "--ingest-port", defaultValue = "28082", description = "ingest port (default ${DEFAULT-VALUE})")
    int ingestPort;
    @Option(names = "--origin-port", defaultValue = "28090", description = "demo shop port (default ${DEFAULT-VALUE})")
    int originPort;
    @Option(names = "--kafka-port", defaultValue = "29092", description = "Kafka port (default ${DEFAULT-VALUE})")
    int kafkaPort;
    @Option(names = "--data-dir", description = "Kafka data (default: a new temporary directory)")
    Path dataDir;
    @Option(names = "--protector-timeout", defaultValue = "PT0.3S",
            description = "the edge's Protector budget, as ./edgeward local (default ${DEFAULT-VALUE})")
    Duration protectorTimeout;
    @Option(names = "--rate", defaultValue = "400", description = "flood requests per second (default ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--concurrency", defaultValue = "64", description = "flood requests in flight at most (default ${DEFAULT-VALUE})")
    int concurrency;
    @Option(names = "--max-requests", defaultValue = "40000", description = "flood requests in all at most (default ${DEFAULT-VALUE})")
    int maxRequests;
    @Option(names = "--phase", defaultValue = "PT20S", description = "length of each phase (default ${DEFAULT-VALUE})")
    Duration phase;
    @Option(names = "--humans", defaultValue = "6", description = "people with valid cookies (default ${DEFAULT-VALUE})")
    int humans;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    private final PrintStream out;

    Flood() {
        this(System.out);
    }

    Flood(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || concurrency < 1 || maxRequests < 1 || humans < 0 || phase.isNegative() || phase.isZero()) {
            throw new IllegalArgumentException("--rate, --concurrency and --max-requests must be >= 1, --humans >= 0 "
                    + "and --phase > 0, were " + rate + ", " + concurrency + ", " + maxRequests + ", " + humans
                    + ", " + phase);
        }
        LocalSecrets secrets = LocalSecrets.fromEnvironment(System.getenv(), new SecureRandom());
        try (LocalStack stack = LocalStack.start(LocalConfig.builder(secrets)
                .bindAddress("127.0.0.1").frontPort(frontPort).protectorPort(protectorPort).ingestPort(ingestPort)
                .originPort(originPort).kafkaPort(kafkaPort).dataDir(dataDir())
                .trustForwardedFor(true).detection(false).console(false).protectorTimeout(protectorTimeout).build())) {
            List<FloodReport> reports = measure(stack, secrets.adminToken());
            out.println();
            out.println(FloodReport.header());
            reports.forEach(r -> out.println(r.line()));
        }
        return 0;
    }

    /** The three phases against a running stack; stops its Protector in the last one. */
    List<FloodReport> measure(LocalStack stack, String adminToken) throws Exception {
        URI front = URI.create("http://127.0.0.1:" + stack.frontPort());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        AdminApi admin = new AdminApi(http, URI.create("http://127.0.0.1:" + stack.protectorPort()), adminToken);
        FloodCrowd crowd = FloodCrowd.settle(http, front, admin, humans, new Random(seed));
        Timeline flood = crowd.newTimeline();
        Flooder flooder = new Flooder(http, front, rate, concurrency, maxRequests, flood, new Random(seed + 1));
        Thread floodThread = new Thread(flooder, "flood");
        List<FloodReport> reports = new ArrayList<>();
        crowd.start();
        floodThread.start();
        try {
            reports.add(phase("calm", crowd, flood, () -> { }));
            flooder.on(true);
            reports.add(phase("flood", crowd, flood, () -> { }));
            reports.add(phase("flood, Protector stopped", crowd, flood, stack::stopProtector));
        } finally {
            flooder.on(false);
            floodThread.interrupt();
            crowd.stop();
        }
        return reports;
    }

    private FloodReport phase(String name, FloodCrowd crowd, Timeline flood, Runnable atStart)
            throws InterruptedException {
        atStart.run();
        long from = flood.now();
        Thread.sleep(phase.toMillis());
        long to = flood.now();
        List<Timeline.Entry> floodEntries = flood.entries().stream()
                .filter(e -> e.atMillis() >= from && e.atMillis() < to).toList();
        return new FloodReport(name, to - from, floodEntries.size(),
                (int) floodEntries.stream().filter(Timeline.Entry::served).count(),
                FloodReport.Share.of(crowd.sessionBlocked().entries(), from, to),
                FloodReport.Share.of(crowd.addressBlocked().entries(), from, to),
                FloodReport.Share.of(crowd.humans().entries(), from, to));
    }

    private Path dataDir() throws IOException {
        return dataDir != null ? dataDir : Files.createTempDirectory("edgeward-flood-");
    }
}
