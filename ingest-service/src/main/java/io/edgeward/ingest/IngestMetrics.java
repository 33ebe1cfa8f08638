package io.edgeward.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The service's meters, exposed on {@code /metrics} in the Prometheus format: records and batches accepted, batches
 * rejected by reason (the problem's error code), records and bytes waiting for Kafka, and the time Kafka takes to
 * acknowledge a whole batch.
 */
public final class IngestMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter recordsAccepted;
    private final Counter batchesAccepted;
    private final Timer kafkaAck;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public IngestMetrics() {
        recordsAccepted = Counter.builder("edgeward.ingest.records.accepted")
                .description("Log records acknowledged by Kafka and answered 202").register(registry);
        batchesAccepted = Counter.builder("edgeward.ingest.batches.accepted")
                .description("Batches acknowledged by Kafka and answered 202").register(registry);
        kafkaAck = Timer.builder("edgeward.ingest.kafka.ack")
                .description("Time from handing a batch to the producer until Kafka acknowledged its last record")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Registers the in-flight gauges, read from the publisher's gate at scrape time. */
    public void inFlight(LongSupplier records, LongSupplier bytes) {
        // Strong references: a gauge otherwise holds its source weakly and reads NaN once it is collected.
        Gauge.builder("edgeward.ingest.inflight.records", records, LongSupplier::getAsLong).strongReference(true)
                .description("Log records handed to the producer and not yet acknowledged").register(registry);
        Gauge.builder("edgeward.ingest.inflight.bytes", bytes, LongSupplier::getAsLong).strongReference(true)
                .description("Bytes of log records handed to the producer and not yet acknowledged")
                .register(registry);
    }

    public void accepted(int records) {
        batchesAccepted.increment();
        recordsAccepted.increment(records);
    }

    public void rejected(String reason) {
        registry.counter("edgeward.ingest.batches.rejected", "reason", reason).increment();
    }

    public void kafkaAck(long nanos) {
        kafkaAck.record(Duration.ofNanos(nanos));
    }

    public String scrape() {
        return registry.scrape();
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
