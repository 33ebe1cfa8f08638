package io.edgeward.console;

import io.edgeward.console.figures.StreamsFigures;
import io.edgeward.detection.policy.PolicyException;
import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.env.EnvValues;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Composition root: {@code java io.edgeward.console.App [--check-config]}. Configuration comes from the environment
 * (docs/console.md). {@code --check-config} validates it and the policy file, prints the masked configuration and
 * exits 0, or prints the problem and exits 2.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws Exception {
        boolean checkOnly = args.length == 1 && args[0].equals("--check-config");
        if (args.length > 0 && !checkOnly) {
            System.err.println("usage: App [--check-config]");
            System.exit(2);
        }
        EnvValues env;
        ConsoleConfig config;
        try {
            env = ConsoleConfig.ENV.read(System.getenv());
            config = ConsoleConfig.from(env);
            var policy = config.policyFile() == null ? PolicyLoader.defaults() : PolicyLoader.load(config.policyFile());
            if (checkOnly) {
                System.out.println(env.effectiveConfiguration());
                System.out.println("policy: " + policy.rules().size() + " detection rules");
                return;
            }
        } catch (IllegalArgumentException | PolicyException e) {
            System.err.println("console: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoggerFactory.getLogger(App.class).info("{}", env.effectiveConfiguration());
        StreamsFigures figures = StreamsFigures.start(config.figures());
        ConsoleServer server = ConsoleServer.start(config, figures);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            figures.close();
            stopped.countDown();
        }, "console-shutdown"));
        stopped.await();
    }

}
