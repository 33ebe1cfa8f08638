package io.edgeward.detection;

import io.edgeward.env.EnvValues;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** Composition root: {@code java -cp ... io.edgeward.detection.App} with configuration from the environment. */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnvValues env = DetectionConfig.ENV.read(System.getenv());
        DetectionConfig config = DetectionConfig.from(env);
        if (args.length > 0 && "--check-config".equals(args[0])) {
            if (config.policyFile() != null) {
                io.edgeward.detection.policy.PolicyLoader.load(config.policyFile());
            }
            System.out.println("configuration ok; " + env.effectiveConfiguration());
            return;
        }
        LoggerFactory.getLogger(App.class).info("{}", env.effectiveConfiguration());
        CountDownLatch stopped = new CountDownLatch(1);
        DetectionEngine engine = DetectionEngine.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "edgeward-detection-shutdown"));
        stopped.await();
    }
}
