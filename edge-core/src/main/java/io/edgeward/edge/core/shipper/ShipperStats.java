package io.edgeward.edge.core.shipper;

/**
 * Counters of one {@link LogShipper} since it was created (one Lambda execution environment).
 *
 * @param queued          records waiting in the queue now
 * @param inFlight        batches posted and not yet answered
 * @param accepted        records ingest answered 2xx for
 * @param dropped         records dropped because the queue was full (the oldest go first)
 * @param rejected        records in batches ingest refused for good (400, 401, 413 and other non-retryable statuses)
 * @param failedBatches   posts that did not end in 2xx, whatever happened next
 * @param retriedBatches  batches put back for the next flush after 429, 503 or a transport failure
 */
public record ShipperStats(int queued, int inFlight, long accepted, long dropped, long rejected, long failedBatches,
                           long retriedBatches) {
}
