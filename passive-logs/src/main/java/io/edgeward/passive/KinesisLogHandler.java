package io.edgeward.passive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.edgeward.passive.ingest.DeliveryReport;
import io.edgeward.passive.ingest.IngestClient;
import io.edgeward.passive.ingest.IngestUnavailable;
import io.edgeward.passive.ingest.BatchSender;
import io.edgeward.passive.parse.BadLine;
import io.edgeward.passive.parse.LineOutcome;
import io.edgeward.passive.parse.ParseReport;
import io.edgeward.passive.parse.ParseTally;
import io.edgeward.passive.parse.StaticExtensions;
import io.edgeward.passive.record.LogRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passive-mode Lambda for CloudFront real-time logs read from Kinesis Data Streams: each Kinesis record is one
 * tab-separated log line in the configured field order ({@code EDGEWARD_REALTIME_FIELDS}). Bad records are
 * reported and not retried (they would never parse). When ingest stays unavailable, the records of the batches
 * that did not get through are returned as batch item failures, so Lambda retries from the first of them (enable
 * {@code ReportBatchItemFailures} on the event source mapping; without it, the whole batch is retried).
 */
public final class KinesisLogHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisLogHandler.class);

    private final Pipeline pipeline;

    public KinesisLogHandler() {
        this(PassiveConfig.fromLambdaEnvironment());
    }

    public KinesisLogHandler(PassiveConfig config) {
        this.pipeline = new Pipeline(config);
    }

    /** The outcome of one invocation, for tests and logs. */
    public record Result(ParseReport parse, DeliveryReport delivery, List<String> failedSequenceNumbers) {
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String sequence : process(event).failedSequenceNumbers()) {
            failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build());
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    public Result process(KinesisEvent event) {
        ParseTally tally = new ParseTally();
        List<KinesisEvent.KinesisEventRecord> records = event == null || event.getRecords() == null ? List.of()
                : event.getRecords();
        Batches batches = new Batches(pipeline.config.batchSize(), pipeline.statics);
        for (KinesisEvent.KinesisEventRecord record : records) {
            String sequence = record.getKinesis().getSequenceNumber();
            LineOutcome outcome = pipeline.realtime.parse(bytes(record.getKinesis().getData()));
            if (outcome instanceof LineOutcome.Invalid invalid) {
                tally.bad(new BadLine("sequence " + sequence, invalid.reason()));
            } else {
                batches.add(((LineOutcome.Parsed) outcome).record(), sequence);
            }
        }
        Result result = batches.send(pipeline.ingest, tally);
        LOG.info("kinesis records={} parsed={} skippedStatic={} bad={} accepted={} rejected={} failed={}",
                records.size(), result.parse().parsed(), result.parse().skippedStatic(), result.parse().bad(),
                result.delivery().accepted(), result.delivery().rejected(), result.failedSequenceNumbers().size());
        if (result.parse().bad() > 0) {
            LOG.warn("kinesis bad records={} first={}", result.parse().bad(), result.parse().badLines().get(0));
        }
        return result;
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    /** Parsed records grouped into ingest batches, each remembering the sequence number it starts at. */
    private static final class Batches {
        private final int size;
        private final StaticExtensions statics;
        private final List<List<LogRecord>> batches = new ArrayList<>();
        private final List<String> firstSequence = new ArrayList<>();
        private long parsed;
        private long skippedStatic;

        Batches(int size, StaticExtensions statics) {
            this.size = size;
            this.statics = statics;
        }

        void add(LogRecord record, String sequence) {
            if (statics.isStatic(record.path())) {
                skippedStatic++;
                return;
            }
            if (batches.isEmpty() || batches.get(batches.size() - 1).size() >= size) {
                batches.add(new ArrayList<>(size));
                firstSequence.add(sequence);
            }
            batches.get(batches.size() - 1).add(record);
            parsed++;
        }

        Result send(IngestClient ingest, ParseTally tally) {
            List<String> failed = new ArrayList<>();
            BatchSender sender = new BatchSender(ingest, Integer.MAX_VALUE);
            DeliveryReport delivery = null;
            for (int i = 0; i < batches.size(); i++) {
                try {
                    batches.get(i).forEach(sender::accept);
                    delivery = sender.finish();
                } catch (IngestUnavailable e) {
                    // Lambda resumes from the lowest failed sequence number: everything from this batch on
                    LOG.error("ingest unavailable; {} batches left for Lambda to retry: {}", batches.size() - i,
                            e.getMessage());
                    failed.add(firstSequence.get(i));
                    break;
                }
            }
            ParseReport counted = tally.report();
            ParseReport parse = new ParseReport(parsed, skippedStatic, counted.bad(), counted.badLines(), null);
            return new Result(parse, delivery == null ? new DeliveryReport(0, 0, 0, List.of()) : delivery, failed);
        }
    }
}
