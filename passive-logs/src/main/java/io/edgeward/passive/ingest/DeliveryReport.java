package io.edgeward.passive.ingest;

import java.util.List;

/**
 * What reached ingest: records accepted, batches sent, and records ingest refused as invalid (counted; the first
 * {@link BatchSender#MAX_LISTED} listed with ingest's reasons).
 */
public record DeliveryReport(long accepted, int batches, long rejected, List<RejectedRecord> rejections) {

    public DeliveryReport {
        rejections = List.copyOf(rejections);
    }

    /** A record ingest refused: its request id and ingest's reasons. */
    public record RejectedRecord(String requestId, List<String> errors) {
        public RejectedRecord {
            errors = List.copyOf(errors);
        }
    }
}
