package io.edgeward.detection;

import java.util.concurrent.CountDownLatch;

/** Composition root: {@code java -cp ... io.edgeward.detection.App} with configuration from the environment. */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws InterruptedException {
        DetectionConfig config = DetectionConfig.fromEnvironment(System.getenv());
        if (args.length > 0 && "--check-config".equals(args[0])) {
            if (config.policyFile() != null) {
                io.edgeward.detection.policy.PolicyLoader.load(config.policyFile());
            }
            System.out.println("configuration ok");
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DetectionEngine engine = DetectionEngine.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "edgeward-detection-shutdown"));
        stopped.await();
    }
}
