package io.edgeward.local;

import io.edgeward.backtest.BacktestCommand;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import io.edgeward.local.simulate.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./edgeward}: {@code local} runs the whole system on this machine, {@code simulate} sends traffic at it,
 * {@code backtest} replays a log through the detection rules offline.
 */
@Command(name = "edgeward", mixinStandardHelpOptions = true, version = "edgeward 0.1.0-SNAPSHOT",
        description = "Open, self-hostable bot mitigation for Amazon CloudFront.",
        subcommands = {Launcher.Local.class, Launcher.Simulate.class, BacktestCommand.class})
public final class Launcher implements Runnable {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Launcher());
        // A bad value is a user error: one line naming it, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("edgeward: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Starts the local stack and runs until Ctrl-C. */
    @Command(name = "local", mixinStandardHelpOptions = true,
            description = {"Start Kafka, ingest, Protector, detection, a demo shop and a CloudFront-like front.",
                    "Secrets come from EDGEWARD_ADMIN_TOKEN, EDGEWARD_EDGE_KEY, EDGEWARD_INGEST_KEY and "
                            + "EDGEWARD_COOKIE_KEY; unset ones are generated for this run."})
    static final class Local implements Callable<Integer> {

        @Option(names = "--front-port", defaultValue = "8080", description = "CloudFront-like front (default ${DEFAULT-VALUE})")
        int frontPort;
        @Option(names = "--protector-port", defaultValue = "8081", description = "protector-api (default ${DEFAULT-VALUE})")
        int protectorPort;
        @Option(names = "--ingest-port", defaultValue = "8082", description = "ingest-service (default ${DEFAULT-VALUE})")
        int ingestPort;
        @Option(names = "--origin-port", defaultValue = "8090", description = "demo shop (default ${DEFAULT-VALUE})")
        int originPort;
        @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker (default ${DEFAULT-VALUE}; "
                + "kept from the first run of a data directory)")
        int kafkaPort;
        @Option(names = "--kafka-bootstrap", description = "use this Kafka instead of starting one")
        String kafkaBootstrap;
        @Option(names = "--origin", description = "protect this application instead of the demo shop (http(s) URL)")
        URI origin;
        @Option(names = "--trust-forwarded-for", description = "take the client IP from the first X-Forwarded-For "
                + "address (lets one machine play many visitors)")
        boolean trustForwardedFor;
        @Option(names = "--mode", defaultValue = "mitigate", description = "mitigate, inject or monitor (default ${DEFAULT-VALUE})")
        String mode;
        @Option(names = "--country", defaultValue = "US", description = "cloudfront-viewer-country when the request has "
                + "no x-test-country header (default ${DEFAULT-VALUE})")
        String country;
        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "listen address (default ${DEFAULT-VALUE})")
        String bind;
        @Option(names = "--data-dir", defaultValue = "local/run", description = "Kafka data and detection state (default ${DEFAULT-VALUE})")
        Path dataDir;
        @Option(names = "--policy", description = "policy file for Protector and detection (default: the bundled one)")
        Path policy;
        @Option(names = "--protector-timeout", defaultValue = "PT0.3S", description = "the edge's budget for a "
                + "Protector check before it fails open (default ${DEFAULT-VALUE}; 100 ms in a deployment, more here "
                + "because every service shares this machine and starts cold)")
        Duration protectorTimeout;
        @Option(names = "--block-carry-max", defaultValue = "PT5M", description = "how long the edge enforces a "
                + "block answer without asking Protector again, also while Protector is down; an operator's unblock "
                + "reaches a blocked client within it (default ${DEFAULT-VALUE})")
        Duration blockCarryMax;
        @Option(names = "--passive-dir", description = "drop directory of the passive path: CloudFront standard log "
                + "files copied there are parsed and sent to ingest (default <data-dir>/passive-drop)")
        Path passiveDir;
        @Option(names = "--skip-log-extensions", split = ",", description = "extensions the shipper does not log, e.g. css,js,png")
        List<String> skipLogExtensions = new ArrayList<>();
        @Option(names = "--inline", description = "inline mode: no edge functions; the front sends requests to an "
                + "inspecting origin and fails over to the application on errors and timeouts (docs/inline.md)")
        boolean inline;
        @Option(names = "--inspector-port", defaultValue = "8083", description = "inspecting origin in inline mode "
                + "(default ${DEFAULT-VALUE})")
        int inspectorPort;
        @Option(names = "--console-port", defaultValue = "8084", description = "operator console (default ${DEFAULT-VALUE})")
        int consolePort;
        @Option(names = "--no-console", description = "do not start the operator console")
        boolean noConsole;

        @Override
        public Integer call() throws InterruptedException {
            LocalSecrets secrets = LocalSecrets.fromEnvironment(System.getenv(), new SecureRandom());
            LocalConfig config = LocalConfig.builder(secrets)
                    .bindAddress(bind).frontPort(frontPort).protectorPort(protectorPort).ingestPort(ingestPort)
                    .originPort(originPort).kafkaPort(kafkaPort).kafkaBootstrapServers(kafkaBootstrap)
                    .origin(origin).trustForwardedFor(trustForwardedFor).mode(mode).country(country)
                    .dataDir(dataDir).policyFile(policy).protectorTimeout(protectorTimeout).blockCarryMax(blockCarryMax)
                    .logSkipExtensions(skipLogExtensions)
                    .passiveDir(passiveDir).inline(inline).inspectorPort(inspectorPort)
                    .console(!noConsole).consolePort(consolePort)
                    .build();
            LocalStack stack = LocalStack.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                stopped.countDown();
            }, "edgeward-local-shutdown"));
            System.out.println(Banner.of(stack));
            stopped.await();
            return 0;
        }
    }

    /** Passes every argument to the traffic simulator as is. */
    @Command(name = "simulate", description = "Send simulated visitors and bots at the local stack "
            + "(./edgeward simulate --help for its options).")
    static final class Simulate implements Callable<Integer> {

        @CommandLine.Unmatched
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Simulator.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
