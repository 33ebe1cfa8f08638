package io.edgeward.ingest;

import java.util.Arrays;
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
        try {
            config = IngestConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (Arrays.asList(args).contains("--check-config")) {
            System.out.println("configuration is valid: " + config);
            return;
        }
        IngestServer server = IngestServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        stopped.await();
    }
}
