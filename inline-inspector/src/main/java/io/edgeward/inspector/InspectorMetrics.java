package io.edgeward.inspector;

import io.edgeward.inspector.fronts.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inspector's meters, on {@code /.edgeward/metrics}: {@code edgeward_inspector_peers_total{front,outcome}}
 * (which front each request came through and what was believed: trusted, header_missing, header_invalid, refused,
 * passed_as_peer) and {@code edgeward_inspector_origin_reachable} (the last health probe: 1 or 0). Series are bounded
 * by the configured fronts times five outcomes.
 */
final class InspectorMetrics implements AutoCloseable {

    private record Series(String front, Admission.Outcome outcome) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Series, Counter> peers = new ConcurrentHashMap<>();
    private final AtomicInteger originReachable = new AtomicInteger(1);

    InspectorMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        registry.gauge("edgeward.inspector.origin.reachable", originReachable);
    }

    void admitted(Admission admission) {
        peers.computeIfAbsent(new Series(admission.front(), admission.outcome()), s -> Counter
                .builder("edgeward.inspector.peers")
                .description("Requests by the front their peer belongs to and what was believed of them")
                .tag("front", s.front()).tag("outcome", s.outcome().tag())
                .register(registry)).increment();
    }

    void originReachable(boolean reachable) {
        originReachable.set(reachable ? 1 : 0);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        registry.close();
    }
}
