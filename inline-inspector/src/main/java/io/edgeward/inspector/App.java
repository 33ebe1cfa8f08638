package io.edgeward.inspector;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.edgeward.env.EnvValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: configuration from the environment, the server, the shippers' flush timer. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    public static void main(String[] args) {
        InspectorConfig config;
        EnvValues env;
        try {
            env = InspectorConfig.ENV.read(System.getenv());
            config = InspectorConfig.from(env);
        } catch (IllegalArgumentException e) {
            System.err.println("inline-inspector: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && "--check-config".equals(args[0])) {
            System.out.println("configuration is valid; " + env.effectiveConfiguration());
            return;
        }
        LOG.info("{}", env.effectiveConfiguration());
        InspectorServer server = new InspectorServer(config);
        int port = server.start();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(server::flushDue, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            flusher.shutdownNow();
            server.close();
        }, "shutdown"));
        LOG.info("inline inspector listening port={} config={}", port, config);
    }
}
