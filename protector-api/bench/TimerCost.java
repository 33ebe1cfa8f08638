import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What HttpMetrics pays per request to record its timer: building and registering the Timer each time (as it did)
 * against looking up the one registered for the (method, path, status) series (as it does). Thread CPU time per
 * call, six rounds of 2,000,000; the first rounds include JIT warm-up.
 * Run from protector-api/: java -cp "target/classes:$(cat target/test-classpath.txt)" bench/TimerCost.java
 */
public class TimerCost {

    record Series(String method, String path, int status) {
    }

    public static void main(String[] args) {
        var cpu = ManagementFactory.getThreadMXBean();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Map<Series, Timer> timers = new ConcurrentHashMap<>();
        int calls = 2_000_000;
        for (int round = 0; round < 6; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                Timer.builder("protector.http.requests").tag("method", "POST").tag("path", "/v1/check")
                        .tag("status", Integer.toString(200)).register(registry).record(1000, TimeUnit.NANOSECONDS);
            }
            long registered = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                timers.computeIfAbsent(new Series("POST", "/v1/check", 200), s -> Timer.builder("protector.http.requests")
                        .tag("method", s.method()).tag("path", s.path()).tag("status", Integer.toString(s.status()))
                        .register(registry)).record(1000, TimeUnit.NANOSECONDS);
            }
            long cached = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: register per request %.0f ns, registered once %.0f ns%n", round,
                    (registered - start) / (double) calls, (cached - registered) / (double) calls);
        }
    }
}
