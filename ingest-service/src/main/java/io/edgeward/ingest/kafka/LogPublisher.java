package io.edgeward.ingest.kafka;

import io.edgeward.ingest.IngestMetrics;
import io.edgeward.ingest.logs.LogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes batches of log records to the logs topic (key clientIp, timestamp = the record's time) and completes once
 * Kafka has acknowledged every record of the batch ({@code acks=all}, idempotent producer), or fails with
 * {@link KafkaUnavailable} as soon as the producer gives up on one of them (at the latest after its delivery
 * timeout). Refuses a batch with {@link Overloaded} when it would exceed the in-flight bound, or with
 * {@link KafkaUnavailable} when the bound is full because Kafka stopped acknowledging.
 *
 * <p>The answer has its own deadline (request timeout plus a second) besides the producer's delivery timeout: once
 * an idempotent producer has expired a batch it must bump its epoch before it expires anything else, and while no
 * broker answers, its other records wait, without callbacks, until Kafka is back. Those records stay counted in the
 * in-flight bound until then, since the producer still holds them.
 */
public final class LogPublisher {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final InFlightGate gate;
    private final IngestMetrics metrics;
    private final Duration answerDeadline;
    private final Executor sender;
    /** Whether the last batch outcome was a failure: tells "Kafka is away" from "we are busy" at the door. */
    private volatile boolean failing;

    /**
     * @param sender runs the producer's {@code send} calls, off the request threads: {@code send} can block far past
     *               {@code max.block.ms} while the producer waits for metadata from a broker that is gone, and the
     *               HTTP answer must not wait for it. A single thread keeps batches in order.
     */
    public LogPublisher(Producer<byte[], byte[]> producer, String topic, Duration requestTimeout,
            int maxInFlightRecords, long maxInFlightBytes, IngestMetrics metrics, Executor sender) {
        this.producer = producer;
        this.sender = sender;
        this.topic = topic;
        this.answerDeadline = requestTimeout.plusSeconds(1);
        this.gate = new InFlightGate(maxInFlightRecords, maxInFlightBytes);
        this.metrics = metrics;
        metrics.inFlight(gate::records, gate::bytes);
    }

    /** Sends the batch; the future yields the number of records Kafka acknowledged, which is all of them. */
    public CompletableFuture<Integer> publish(List<LogRecord> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        long bytes = 0;
        for (LogRecord record : batch) {
            bytes += record.value().length;
        }
        if (!gate.tryAcquire(batch.size(), bytes)) {
            if (failing) {
                throw new KafkaUnavailable("Kafka is not acknowledging records (" + gate.records()
                        + " are waiting); retry later", null);
            }
            throw new Overloaded("too many records are waiting for Kafka (" + gate.records() + " records, "
                    + gate.bytes() + " bytes); retry later");
        }
        BatchAck ack = new BatchAck(batch.size());
        try {
            sender.execute(() -> sendAll(batch, ack));
        } catch (RejectedExecutionException e) {
            gate.release(batch.size(), bytes);
            throw new KafkaUnavailable("ingest is shutting down", e);
        }
        return ack.result.orTimeout(answerDeadline.toMillis(), TimeUnit.MILLISECONDS).handle((accepted, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            failing = cause != null;
            if (cause == null) {
                return accepted;
            }
            if (cause instanceof TimeoutException) {
                throw new KafkaUnavailable("Kafka did not acknowledge the batch within " + answerDeadline, cause);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    /** Hands every record to the producer; runs on the sender thread, in batch order. */
    private void sendAll(List<LogRecord> batch, BatchAck ack) {
        for (int i = 0; i < batch.size(); i++) {
            LogRecord record = batch.get(i);
            ProducerRecord<byte[], byte[]> message = new ProducerRecord<>(topic, null, record.timestamp(),
                    record.clientIp().getBytes(StandardCharsets.UTF_8), record.value());
            int size = record.value().length;
            try {
                producer.send(message, (metadata, error) -> {
                    gate.release(1, size);
                    ack.onCompletion(metadata, error);
                });
            } catch (RuntimeException e) {
                // The producer refused synchronously (closed, interrupted): nothing from i on was handed over.
                for (int j = i; j < batch.size(); j++) {
                    gate.release(1, batch.get(j).value().length);
                    ack.onCompletion(null, e);
                }
                return;
            }
        }
    }

    /** Counts the acknowledgements of one batch; the first failure decides its outcome. */
    private final class BatchAck implements Callback {
        private final CompletableFuture<Integer> result = new CompletableFuture<>();
        private final AtomicInteger remaining;
        private final AtomicReference<Exception> firstError = new AtomicReference<>();
        private final int size;
        private final long started = System.nanoTime();

        BatchAck(int size) {
            this.size = size;
            this.remaining = new AtomicInteger(size);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null && firstError.compareAndSet(null, error)) {
                // Fail fast: the client gets its 503 without waiting for the rest of the batch to time out.
                result.completeExceptionally(new KafkaUnavailable("Kafka did not acknowledge the batch: "
                        + error.getClass().getSimpleName() + ": " + error.getMessage(), error));
            }
            if (remaining.decrementAndGet() == 0 && firstError.get() == null) {
                metrics.kafkaAck(System.nanoTime() - started);
                result.complete(size);
            }
        }
    }
}
