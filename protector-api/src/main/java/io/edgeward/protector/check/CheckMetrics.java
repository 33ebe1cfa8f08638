package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code protector_checks_total{action,basis}}: counters created once, looked up by index on the hot path. */
public final class CheckMetrics {

    private final Counter[][] counters = new Counter[Action.values().length][CheckResult.Basis.values().length];

    public CheckMetrics(MeterRegistry registry) {
        for (Action a : Action.values()) {
            for (CheckResult.Basis b : CheckResult.Basis.values()) {
                counters[a.ordinal()][b.ordinal()] = Counter.builder("protector.checks")
                        .description("Checks answered, by action and by what decided")
                        .tag("action", a.wireName())
                        .tag("basis", b.name().toLowerCase(java.util.Locale.ROOT))
                        .register(registry);
            }
        }
    }

    void record(CheckResult result) {
        counters[result.action().ordinal()][result.basis().ordinal()].increment();
    }
}
