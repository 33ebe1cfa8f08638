package io.edgeward.ingest.kafka;

/**
 * Bounds the records and bytes handed to the producer but not yet acknowledged. A batch takes its whole share or
 * nothing, so a saturated service refuses batches at the door instead of queueing them without limit.
 */
final class InFlightGate {

    private final long maxRecords;
    private final long maxBytes;
    private long records;
    private long bytes;

    InFlightGate(long maxRecords, long maxBytes) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    synchronized boolean tryAcquire(int batchRecords, long batchBytes) {
        if (records + batchRecords > maxRecords || bytes + batchBytes > maxBytes) {
            return false;
        }
        records += batchRecords;
        bytes += batchBytes;
        return true;
    }

    synchronized void release(int batchRecords, long batchBytes) {
        records -= batchRecords;
        bytes -= batchBytes;
    }

    synchronized long records() {
        return records;
    }

    synchronized long bytes() {
        return bytes;
    }
}
