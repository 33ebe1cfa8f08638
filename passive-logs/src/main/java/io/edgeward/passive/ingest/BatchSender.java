package io.edgeward.passive.ingest;

import io.edgeward.passive.parse.RecordSink;
import io.edgeward.passive.record.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects records into batches of {@code batchSize} and sends each full batch, so a large file streams through
 * in bounded memory; {@link #finish()} sends the rest. When ingest refuses a batch for invalid records (400), those
 * records are set aside with ingest's reasons and the rest of the batch is sent again, so one bad record costs only
 * itself. Not thread-safe.
 */
public final class BatchSender implements RecordSink {

    /** How many refused records a report lists; all are counted. */
    public static final int MAX_LISTED = 100;

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final IngestClient client;
    private final int batchSize;
    private final List<LogRecord> pending;
    private long accepted;
    private int batches;
    private long rejected;
    private final List<DeliveryReport.RejectedRecord> rejections = new ArrayList<>();

    public BatchSender(IngestClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
        this.pending = new ArrayList<>(Math.min(batchSize, 1024));
    }

    @Override
    public void accept(LogRecord record) {
        pending.add(record);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Sends what is pending and reports everything sent so far. */
    public DeliveryReport finish() {
        flush();
        return new DeliveryReport(accepted, batches, rejected, rejections);
    }

    private void flush() {
        List<LogRecord> batch = new ArrayList<>(pending);
        pending.clear();
        while (!batch.isEmpty()) {
            batches++;
            SendOutcome outcome = client.send(batch);
            if (outcome instanceof SendOutcome.Accepted) {
                accepted += batch.size();
                LOG.info("ingest accepted batch={} records={}", batches, batch.size());
                return;
            }
            SendOutcome.Rejected refusal = (SendOutcome.Rejected) outcome;
            batch = setAside(batch, refusal);
        }
    }

    /** The batch without the records ingest named as invalid; all of it when ingest named none it could match. */
    private List<LogRecord> setAside(List<LogRecord> batch, SendOutcome.Rejected refusal) {
        Set<Integer> invalid = new TreeSet<>();
        for (RecordRejection rejection : refusal.records()) {
            if (rejection.index() >= 0 && rejection.index() < batch.size() && invalid.add(rejection.index())) {
                reject(batch.get(rejection.index()), rejection.errors());
            }
        }
        if (invalid.isEmpty()) {
            LOG.error("ingest refused a batch of {} records without naming any: {}", batch.size(), refusal.detail());
            batch.forEach(record -> reject(record, List.of(refusal.detail())));
            return List.of();
        }
        LOG.warn("ingest refused {} of {} records ({}); sending the others again", invalid.size(), batch.size(),
                refusal.detail());
        List<LogRecord> rest = new ArrayList<>(batch.size() - invalid.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!invalid.contains(i)) {
                rest.add(batch.get(i));
            }
        }
        return rest;
    }

    private void reject(LogRecord record, List<String> errors) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(new DeliveryReport.RejectedRecord(record.requestId(), errors));
        }
    }
}
