package io.edgeward.protector;

import io.edgeward.env.EnvValues;
import io.edgeward.protector.policy.PolicyException;
import io.edgeward.protector.policy.PolicyLoader;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Composition root: {@code java io.edgeward.protector.App [--check-config]}. Configuration comes from the
 * environment (docs/protector.md). {@code --check-config} validates it and the policy file, prints the
 * masked configuration and exits 0, or prints the problem and exits 2.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean checkOnly = args.length == 1 && args[0].equals("--check-config");
        if (args.length > 0 && !checkOnly) {
            System.err.println("usage: App [--check-config]");
            System.exit(2);
        }
        ProtectorConfig config;
        EnvValues env;
        try {
            env = ProtectorConfig.ENV.read(System.getenv());
            config = ProtectorConfig.from(env);
            var policy = config.policyFile() == null ? PolicyLoader.loadDefault() : PolicyLoader.load(config.policyFile());
            if (checkOnly) {
                System.out.println(env.effectiveConfiguration());
                System.out.println("policy " + policy.source() + ": " + policy.requestRules().rules().size()
                        + " request rules, " + policy.goodBots().size() + " good bots");
                return;
            }
        } catch (IllegalArgumentException | PolicyException e) {
            System.err.println("protector: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoggerFactory.getLogger(App.class).info("{}", env.effectiveConfiguration());
        ProtectorServer server = ProtectorServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "protector-shutdown"));
        stopped.await();
    }
}
