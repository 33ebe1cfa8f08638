package io.edgeward.ingest;

import io.edgeward.env.EnvValues;
import java.util.Arrays;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest service's composition root. Configuration comes from the environment ({@link IngestConfig}).
 * {@code --check-config} validates it, prints it (secrets masked) and exits: 0 when valid, 2 when not.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Kafka's clients log every connection attempt at INFO; keep service logs readable unless asked otherwise.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        IngestConfig config;
        EnvValues env;
        try {
            env = IngestConfig.read(System.getenv());
            config = IngestConfig.from(env);
        } catch (ConfigException e) {
            System.err.println("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Arrays.asList(args).contains("--check-config")) {
            System.out.println("configuration is valid; " + env.effectiveConfiguration());
            return;
        }
        LoggerFactory.getLogger(App.class).info("{}", env.effectiveConfiguration());
        IngestServer server = IngestServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
    }
}
