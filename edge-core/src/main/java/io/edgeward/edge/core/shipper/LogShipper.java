package io.edgeward.edge.core.shipper;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecord;
import io.edgeward.edge.core.port.EdgeClock;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgeLog;
import io.edgeward.edge.core.port.HttpCallback;
import io.edgeward.edge.core.port.JsonCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ships log records to ingest ({@code POST <ingest.url>/v1/logs}, NDJSON, Bearer key) without ever waiting for it.
 *
 * <p>A Lambda execution environment is frozen between invocations, so there are no timers: a batch goes out when it
 * is full ({@link #enqueue}) or, at the start of the next invocation, when its oldest record is older than
 * {@code ingest.maxAge} ({@link #flushDue}). Posts are fired and forgotten; their answers arrive on callbacks that
 * only update the queue and the counters. The queue holds at most {@code ingest.queueLimit} records and drops the
 * oldest beyond that (counted), so it never blocks; at most {@code ingest.maxInFlight} posts are outstanding.
 * After 429, 502, 503, 504 or a transport failure (ingest away or overloaded), the batch goes back to the head of the
 * queue, as far as the bound allows, and sending pauses: the first flush after the backoff (1 s, doubling up to
 * 30 s, reset by the next accepted batch) sends it again, so thousands of edge environments do not hammer an
 * ingest that is recovering. Other refusals drop the batch (counted).
 *
 * <p>Thread-safe: on the JVM the answers may arrive on other threads, and the local front may run invocations
 * concurrently.
 */
public final class LogShipper {

    static final long FIRST_BACKOFF_MILLIS = 1000;
    static final long MAX_BACKOFF_MILLIS = 30_000;

    private final ShipperConfig.Ingest config;
    private final EdgeHttp http;
    private final JsonCodec json;
    private final EdgeClock clock;
    private final EdgeLog log;
    private final Map<String, String> headers;

    private final ArrayDeque<QueuedLine> queue = new ArrayDeque<>();
    private int inFlight;
    private long accepted;
    private long dropped;
    private long rejected;
    private long failedBatches;
    private long retriedBatches;
    private long backoffMillis;
    private long notBefore = Long.MIN_VALUE;

    public LogShipper(ShipperConfig.Ingest config, EdgeHttp http, JsonCodec json, EdgeClock clock, EdgeLog log) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.log = log;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("authorization", "Bearer " + config.apiKey());
        h.put("content-type", "application/x-ndjson");
        this.headers = h;
    }

    /** Queues a record; sends full batches right away, without waiting for their answer. Never blocks. */
    public void enqueue(LogRecord record) {
        String line = json.write(record.toJson());
        List<List<QueuedLine>> batches;
        synchronized (this) {
            queue.addLast(new QueuedLine(line, clock.nowMillis()));
            trimToLimit();
            batches = takeBatches(false, false);
        }
        send(batches);
    }

    /** Sends what is due: full batches, and any batch whose oldest record is older than {@code maxAge}. */
    public void flushDue() {
        send(take(false));
    }

    /** Sends everything queued, as far as {@code maxInFlight} allows (shutdown of a long-lived process, tests). */
    public void flushAll() {
        send(take(true));
    }

    public synchronized ShipperStats stats() {
        return new ShipperStats(queue.size(), inFlight, accepted, dropped, rejected, failedBatches, retriedBatches);
    }

    private synchronized List<List<QueuedLine>> take(boolean everything) {
        return takeBatches(true, everything);
    }

    /** Takes batches off the queue while posts may start; must hold the lock. */
    private List<List<QueuedLine>> takeBatches(boolean aged, boolean everything) {
        List<List<QueuedLine>> batches = new ArrayList<>(1);
        long now = clock.nowMillis();
        if (now < notBefore && !everything) {
            return batches;
        }
        while (inFlight < config.maxInFlight() && !queue.isEmpty()
                && (everything || queue.size() >= config.batchSize()
                    || (aged && now - queue.peekFirst().enqueuedAt() >= config.maxAgeMillis()))) {
            int size = Math.min(config.batchSize(), queue.size());
            List<QueuedLine> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(queue.pollFirst());
            }
            inFlight++;
            batches.add(batch);
        }
        return batches;
    }

    private void send(List<List<QueuedLine>> batches) {
        for (List<QueuedLine> batch : batches) {
            StringBuilder body = new StringBuilder(batch.size() * 512);
            for (QueuedLine line : batch) {
                body.append(line.json()).append('\n');
            }
            Answer answer = new Answer(batch);
            try {
                http.post(config.logsUrl(), headers, body.toString(), config.timeoutMillis(), answer);
            } catch (RuntimeException e) {
                // The port promises never to throw; if one does, the batch must not stay in flight forever.
                answer.onFailure("the HTTP port threw " + e.getClass().getName());
            }
        }
    }

    private synchronized void answered(List<QueuedLine> batch, int status, String body, String failure) {
        inFlight--;
        if (failure == null && status >= 200 && status < 300) {
            accepted += batch.size();
            backoffMillis = 0;
            notBefore = Long.MIN_VALUE;
            log.info("edgeward shipper: ingest accepted " + batch.size() + " records (status " + status + ")");
            return;
        }
        failedBatches++;
        if (failure != null || status == 429 || status == 502 || status == 503 || status == 504) {
            retriedBatches++;
            long now = clock.nowMillis();
            if (now >= notBefore) {
                // Posts already out when the backoff started fail too; only a post sent after it escalates it.
                backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS
                        : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
                notBefore = now + backoffMillis;
            }
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.addFirst(batch.get(i));
            }
            long before = dropped;
            trimToLimit();
            log.warn("edgeward shipper: batch of " + batch.size() + " records kept for the next flush after "
                    + (failure != null ? failure : "status " + status) + ", sending again in " + backoffMillis
                    + " ms; dropped " + (dropped - before) + " to stay within queueLimit " + config.queueLimit());
            return;
        }
        if (status == 400 && resendValid(batch, body)) {
            return;
        }
        rejected += batch.size();
        log.warn("edgeward shipper: ingest refused a batch of " + batch.size() + " records with status " + status
                + "; dropped");
    }

    /**
     * Ingest refuses a whole batch when some records break the schema, and lists them by index; the others are put
     * back to go with the next flush, so one bad record does not cost its batch. Must hold the lock.
     */
    private boolean resendValid(List<QueuedLine> batch, String body) {
        Set<Integer> invalid = InvalidRecords.indices(body, json, batch.size());
        if (invalid.isEmpty()) {
            return false;
        }
        rejected += invalid.size();
        List<QueuedLine> valid = new ArrayList<>(batch.size() - invalid.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!invalid.contains(i)) {
                valid.add(batch.get(i));
            }
        }
        for (int i = valid.size() - 1; i >= 0; i--) {
            queue.addFirst(valid.get(i));
        }
        if (!valid.isEmpty()) {
            retriedBatches++;
        }
        trimToLimit();
        log.warn("edgeward shipper: ingest found " + invalid.size() + " of " + batch.size()
                + " records invalid; dropped those, the others go with the next flush");
        return true;
    }

    /** Drops the oldest records beyond the bound; must hold the lock. */
    private void trimToLimit() {
        long before = dropped;
        while (queue.size() > config.queueLimit()) {
            queue.pollFirst();
            dropped++;
        }
        if (dropped > before && (before == 0 || dropped / 1000 != before / 1000)) {
            log.warn("edgeward shipper: queue full, dropped the oldest records; " + dropped + " dropped so far");
        }
    }

    private record QueuedLine(String json, long enqueuedAt) {
    }

    private final class Answer implements HttpCallback {

        private final List<QueuedLine> batch;
        private boolean done;

        Answer(List<QueuedLine> batch) {
            this.batch = batch;
        }

        @Override
        public void onResponse(int status, String body) {
            if (first()) {
                answered(batch, status, body, null);
            }
        }

        @Override
        public void onFailure(String reason) {
            if (first()) {
                answered(batch, 0, null, reason == null ? "a transport failure" : reason);
            }
        }

        /** The port promises exactly one answer; a second one must not unbalance the in-flight count. */
        private synchronized boolean first() {
            boolean first = !done;
            done = true;
            return first;
        }
    }
}
