package io.edgeward.bench.viewer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * CPU time per operation of the same paths as the JMH benchmarks, for a machine too loaded for wall-clock figures
 * (CPU time excludes the time this thread waits to be scheduled). Not a replacement for JMH on a quiet machine.
 * Run: {@code java -cp … io.edgeward.bench.viewer.CpuTimeProbe [operations]}.
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ViewerDecisionBenchmark decision = new ViewerDecisionBenchmark();
        decision.setUp();
        CookieBenchmark cookie = new CookieBenchmark();
        cookie.setUp();
        report("viewer decision through handler", operations, () -> {
            try {
                return decision.throughHandler();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        report("viewer decision through policy", operations, decision::decideWithPolicy);
        report("policy + write forwarded request", operations, decision::decideAndWriteRequest);
        report("cookie mint (sign + Set-Cookie)", operations, cookie::mint);
        report("cookie verify (find + HS256 + claims + binding)", operations, cookie::verify);
    }

    private static void report(String name, int operations, Supplier<Object> operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        for (int i = 0; i < operations; i++) {
            sink = operation.get();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < operations; i++) {
                sink = operation.get();
            }
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("%-50s %8.2f us/op CPU (best of 5 rounds of %d, after %d warm-up)%s%n", name,
                best / 1000.0 / operations, operations, operations, sink == null ? "?" : "");
    }
}
