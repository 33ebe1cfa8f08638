package io.edgeward.ingest.logs;

import io.edgeward.ingest.IngestMetrics;
import io.edgeward.ingest.http.ErrorMapping;
import io.edgeward.ingest.kafka.LogPublisher;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/logs}: reads and validates the whole batch on the request thread, hands it to Kafka, and answers
 * {@code 202 {"accepted": N}} only once Kafka acknowledged every record. The wait is asynchronous, so a slow Kafka
 * holds no server thread.
 */
public final class LogsController {

    private static final Logger log = LoggerFactory.getLogger(LogsController.class);

    private final BatchBodyReader bodyReader;
    private final LogBatchDecoder decoder;
    private final LogPublisher publisher;
    private final ErrorMapping errors;
    private final IngestMetrics metrics;

    public LogsController(BatchBodyReader bodyReader, LogBatchDecoder decoder, LogPublisher publisher,
            ErrorMapping errors, IngestMetrics metrics) {
        this.bodyReader = bodyReader;
        this.decoder = decoder;
        this.publisher = publisher;
        this.errors = errors;
        this.metrics = metrics;
    }

    public void post(Context ctx) throws Exception {
        BatchFormat format = BatchFormat.fromContentType(ctx.header("Content-Type"));
        byte[] body = bodyReader.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                ctx.header("Content-Encoding"));
        List<LogRecord> records = decoder.decode(body, format);
        var published = publisher.publish(records);
        ctx.future(() -> published.handle((accepted, failure) -> {
            if (failure != null) {
                errors.write(ctx, failure);
            } else {
                metrics.accepted(accepted);
                log.debug("batch of {} records acknowledged", accepted);
                ctx.status(202).json(Map.of("accepted", accepted));
            }
            return null;
        }));
    }
}
