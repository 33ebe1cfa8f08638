package io.edgeward.bench.shipper;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecord;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgeLog;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the loss window of the real {@link LogShipper} with simulated time: one Lambda execution environment gets
 * Poisson-distributed requests at a given rate, ingest answers every post at once with 202, and after its last request
 * the environment is frozen and never invoked again. What is still queued then is lost ("queued at freeze"). If the
 * freeze also cuts off the post that the last invocation started, that batch is lost too ("worst case").
 *
 * <p>Run: {@code java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes"
 * io.edgeward.bench.shipper.LossWindowSimulation [batchSize] [maxAgeMillis]}.
 */
public final class LossWindowSimulation {

    private static final int ENVIRONMENTS = 1000;

    private LossWindowSimulation() {
    }

    public static void main(String[] args) {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long maxAgeMillis = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        System.out.println("batchSize=" + batchSize + " maxAge=" + maxAgeMillis + "ms, " + ENVIRONMENTS
                + " environments per row, 200-699 requests each, then frozen for good");
        System.out.println("| req/s per environment | queued at freeze: mean | p99 | max "
                + "| oldest lost record, max age (s) | worst case incl. a cut-off last post: max |");
        System.out.println("|---|---|---|---|---|---|");
        for (double rate : new double[] {0.05, 0.5, 5, 25, 100, 500}) {
            row(rate, batchSize, maxAgeMillis);
        }
    }

    private static void row(double rate, int batchSize, long maxAgeMillis) {
        SplittableRandom random = new SplittableRandom(42);
        long[] queuedAtFreeze = new long[ENVIRONMENTS];
        long worst = 0;
        double oldestSeconds = 0;
        for (int env = 0; env < ENVIRONMENTS; env++) {
            AtomicLong now = new AtomicLong(0);
            AtomicInteger postedRecords = new AtomicInteger();
            EdgeHttp ingest = (url, headers, body, timeout, callback) -> {
                postedRecords.addAndGet((int) body.chars().filter(c -> c == '\n').count());
                callback.onResponse(202, "");
            };
            LogShipper shipper = new LogShipper(new ShipperConfig.Ingest("http://127.0.0.1:1", "k", batchSize,
                    maxAgeMillis, 1000, 1000, 4), ingest, new JacksonJsonCodec(), now::get, SILENT);
            int requests = 200 + random.nextInt(500);
            long[] enqueuedAt = new long[requests];
            int postedByLast = 0;
            for (int request = 0; request < requests; request++) {
                now.addAndGet((long) (-Math.log(1 - random.nextDouble()) / rate * 1000));
                int before = postedRecords.get();
                shipper.flushDue();
                enqueuedAt[request] = now.get();
                shipper.enqueue(RECORD);
                postedByLast = postedRecords.get() - before;
            }
            int queued = shipper.stats().queued();
            queuedAtFreeze[env] = queued;
            worst = Math.max(worst, queued + postedByLast);
            if (queued > 0) {
                oldestSeconds = Math.max(oldestSeconds, (now.get() - enqueuedAt[requests - queued]) / 1000.0);
            }
        }
        Arrays.sort(queuedAtFreeze);
        System.out.printf("| %s | %.1f | %d | %d | %.2f | %d |%n", rate,
                Arrays.stream(queuedAtFreeze).average().orElse(0), queuedAtFreeze[(int) (ENVIRONMENTS * 0.99) - 1],
                queuedAtFreeze[ENVIRONMENTS - 1], oldestSeconds, worst);
    }

    private static final LogRecord RECORD = new LogRecord("2026-11-23T13:40:43.123Z", "req", "edge", "203.0.113.7",
            "GET", "shop.example", "/products/7", null, 200, 5120L, "text/html", "Mozilla/5.0", null, "text/html",
            "de", "sid", "valid", "allow", null, "mitigate", null, null, "DE", null, null, null, null);

    private static final EdgeLog SILENT = new EdgeLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
