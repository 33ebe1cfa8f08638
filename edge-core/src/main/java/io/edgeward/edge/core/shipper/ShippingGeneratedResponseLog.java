package io.edgeward.edge.core.shipper;

import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.logrecord.LogRecord;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgeClock;
import io.edgeward.edge.core.port.EdgeLog;
import java.util.Optional;

/**
 * Logs the responses the viewer-request function generates (block, challenge) with {@code source}
 * {@code edge-viewer-request}, through the same {@link LogShipper} code as the log shipper function. The
 * viewer-request function should call {@link #flushDue()} at the start of each invocation, so aged batches leave
 * even when no response is generated. Never throws.
 */
public final class ShippingGeneratedResponseLog implements GeneratedResponseLog {

    private final LogRecordBuilder records;
    private final LogShipper shipper;
    private final EdgeClock clock;
    private final EdgeLog log;

    public ShippingGeneratedResponseLog(LogRecordBuilder records, LogShipper shipper, EdgeClock clock, EdgeLog log) {
        this.records = records;
        this.shipper = shipper;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void generated(ViewerRequest viewer, CfResponse response, RequestMark mark) {
        try {
            Optional<LogRecord> record = records.build(LogRecordBuilder.SOURCE_VIEWER_REQUEST,
                    viewer.event().config(), viewer.request(), response, mark, clock.nowMillis());
            if (record.isPresent()) {
                shipper.enqueue(record.get());
            }
        } catch (RuntimeException e) {
            log.warn("edgeward shipper: generated response not logged: " + e.getClass().getName());
        }
    }

    /** Sends full or aged batches left from earlier invocations; never throws. */
    public void flushDue() {
        try {
            shipper.flushDue();
        } catch (RuntimeException e) {
            log.warn("edgeward shipper: flushing failed: " + e.getClass().getName());
        }
    }

    /** Posts everything still queued (a long-lived process shutting down); never throws. */
    public void flushAll() {
        try {
            shipper.flushAll();
        } catch (RuntimeException e) {
            log.warn("edgeward shipper: flushing failed: " + e.getClass().getName());
        }
    }

    public ShipperStats stats() {
        return shipper.stats();
    }
}
