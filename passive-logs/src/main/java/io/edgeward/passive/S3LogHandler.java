package io.edgeward.passive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.passive.ingest.BatchSender;
import io.edgeward.passive.ingest.DeliveryReport;
import io.edgeward.passive.parse.NotALogFile;
import io.edgeward.passive.parse.ParseReport;
import io.edgeward.passive.source.LogObjectSource;
import io.edgeward.passive.source.S3ObjectSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passive-mode Lambda for CloudFront standard logs delivered to S3: each created object is parsed and its
 * records posted to ingest. Folder markers, empty and non-log objects are ignored and reported as such. When ingest
 * stays unavailable the invocation fails (so S3's asynchronous invocation retries it: delivery is at least once,
 * and a retried file may send some records twice). Returns a JSON summary per object.
 */
public final class S3LogHandler implements RequestHandler<S3Event, String> {

    private static final Logger LOG = LoggerFactory.getLogger(S3LogHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pipeline pipeline;
    private final LogObjectSource source;

    /** For AWS Lambda: configuration from the environment, objects from S3. */
    public S3LogHandler() {
        this(PassiveConfig.fromLambdaEnvironment(), S3ObjectSource.fromLambdaEnvironment());
    }

    public S3LogHandler(PassiveConfig config, LogObjectSource source) {
        this.pipeline = new Pipeline(config);
        this.source = source;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        try {
            return JSON.writeValueAsString(process(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of the event, in order. */
    public List<ObjectReport> process(S3Event event) {
        List<ObjectReport> reports = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return reports; // S3's s3:TestEvent, sent when a notification is configured, has no records
        }
        for (S3EventNotificationRecord record : event.getRecords()) {
            ObjectReport report = processRecord(record);
            LOG.info("object bucket={} key={} status={} {}", report.bucket(), report.key(), report.status(),
                    report.isIgnored() ? report.reason() : summary(report));
            reports.add(report);
        }
        return reports;
    }

    private ObjectReport processRecord(S3EventNotificationRecord record) {
        String bucket = record.getS3().getBucket().getName();
        S3ObjectEntity object = record.getS3().getObject();
        String key = object.getUrlDecodedKey();
        String eventName = record.getEventName() == null ? "" : record.getEventName();
        if (!eventName.startsWith("ObjectCreated") && !eventName.startsWith("s3:ObjectCreated")) {
            return ObjectReport.ignored(bucket, key, "event " + eventName + " is not an object creation");
        }
        if (key.endsWith("/")) {
            return ObjectReport.ignored(bucket, key, "folder marker");
        }
        if (object.getSizeAsLong() != null && object.getSizeAsLong() == 0) {
            return ObjectReport.ignored(bucket, key, "empty object");
        }
        if (key.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return ObjectReport.ignored(bucket, key, "Parquet output is not read; deliver logs as w3c or JSON");
        }
        return parseAndSend(bucket, key);
    }

    private ObjectReport parseAndSend(String bucket, String key) {
        BatchSender sender = pipeline.sender();
        ParseReport parse;
        try (InputStream in = source.open(bucket, key)) {
            parse = pipeline.standard.parse(in, sender);
        } catch (NoSuchFileException e) {
            return ObjectReport.ignored(bucket, key, "object no longer exists");
        } catch (NotALogFile e) {
            return ObjectReport.ignored(bucket, key, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
        DeliveryReport delivery = sender.finish();
        if (!parse.clean()) {
            LOG.warn("object bucket={} key={} bad={} fileError={} first={}", bucket, key, parse.bad(),
                    parse.fileError(), parse.badLines().isEmpty() ? null : parse.badLines().get(0));
        }
        return ObjectReport.processed(bucket, key, parse, delivery);
    }

    private static String summary(ObjectReport report) {
        return "parsed=" + report.parse().parsed() + " skippedStatic=" + report.parse().skippedStatic() + " bad="
                + report.parse().bad() + " accepted=" + report.delivery().accepted() + " rejected="
                + report.delivery().rejected();
    }
}
