package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.passive.ingest.IngestRefused;
import io.edgeward.passive.ingest.IngestUnavailable;
import io.edgeward.passive.source.DirectoryObjectSource;
import io.edgeward.testing.IngestStandIn.Answer;
import io.edgeward.testing.IngestStandIn;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3LogHandlerTest {

    private static final String BUCKET = "edgeward-logs";
    /** The legacy naming: prefix, distribution id, hour, unique part, .gz. */
    private static final String KEY = "cf/E2EXAMPLE.2019-12-13-22.a1b2c3d4.gz";

    @TempDir
    Path root;
    private IngestStandIn ingest;

    @BeforeEach
    void start() throws IOException {
        ingest = IngestStandIn.start();
        put(KEY, Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("elastic_integrations_test-cloudfront.log"))));
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private void put(String key, byte[] content) throws IOException {
        Path file = root.resolve(BUCKET).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private S3LogHandler handler(int batchSize, int attempts, Duration timeout) {
        return handler(ingest.uri(), IngestStandIn.KEY, batchSize, attempts, timeout);
    }

    private S3LogHandler handler(URI url, String key, int batchSize, int attempts, Duration timeout) {
        PassiveConfig config = PassiveConfig.of(url, key).withBatchSize(batchSize)
                .withRetries(attempts, Duration.ofMillis(10), Duration.ofMillis(50), timeout);
        return new S3LogHandler(config, new DirectoryObjectSource(root));
    }

    @Test
    void a_gzip_log_object_reaches_ingest_in_batches_of_the_configured_size() {
        List<ObjectReport> reports = handler(5, 3, Duration.ofSeconds(5))
                .process(S3Events.event(BUCKET, S3Events.created(KEY, 2000)));

        assertThat(ingest.acceptedBatches()).extracting(List::size).containsExactly(5, 5, 2);
        List<JsonNode> records = ingest.acceptedRecords();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.path("v").asInt()).isEqualTo(1);
            assertThat(record.path("source").asText()).isEqualTo("cloudfront-standard");
            for (String required : List.of("time", "requestId", "clientIp", "method", "path", "status")) {
                assertThat(record.has(required)).as(required).isTrue();
            }
            assertThat(record.toString()).doesNotContain("cookie");
        });
        assertThat(records.get(0).path("requestId").asText())
                .isEqualTo("SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==");
        ObjectReport report = reports.get(0);
        assertThat(report.status()).isEqualTo("processed");
        assertThat(report.parse().parsed()).isEqualTo(12);
        assertThat(report.delivery().accepted()).isEqualTo(12);
        assertThat(report.delivery().batches()).isEqualTo(3);
    }

    @Test
    void a_503_is_retried_honouring_retry_after_and_every_record_arrives_once() {
        ingest.then(Answer.status(503, "0"), Answer.status(429, "0"));

        List<ObjectReport> reports = handler(50, 4, Duration.ofSeconds(5))
                .process(S3Events.event(BUCKET, S3Events.created(KEY, 2000)));

        assertThat(ingest.answered()).containsExactly(503, 429, 202);
        assertThat(ingest.acceptedRecords()).hasSize(12);
        assertThat(reports.get(0).delivery().accepted()).isEqualTo(12);
    }

    @Test
    void a_hanging_ingest_times_out_and_the_batch_is_sent_again() {
        ingest.then(Answer.hanging());

        handler(50, 3, Duration.ofMillis(300)).process(S3Events.event(BUCKET, S3Events.created(KEY, 2000)));

        assertThat(ingest.answered()).containsExactly(0, 202);
        assertThat(ingest.acceptedRecords()).hasSize(12);
    }

    @Test
    void folder_markers_and_empty_or_non_log_objects_are_ignored_without_calling_ingest() throws IOException {
        put("cf/images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        put("cf/empty.gz", new byte[0]);

        List<ObjectReport> reports = handler(50, 3, Duration.ofSeconds(5)).process(S3Events.event(BUCKET,
                S3Events.created("cf/", 0), S3Events.created("cf/empty.gz", 0),
                S3Events.created("cf/images/logo.png", 12), S3Events.created("cf/gone.gz", 100),
                new S3Events.Created("ObjectRemoved:Delete", KEY, 0)));

        assertThat(reports).extracting(ObjectReport::status).containsOnly("ignored");
        assertThat(reports).extracting(ObjectReport::reason).containsExactly("folder marker", "empty object",
                "not a text log file: binary content in the first 12 bytes", "object no longer exists",
                "event ObjectRemoved:Delete is not an object creation");
        assertThat(ingest.answered()).isEmpty();
    }

    @Test
    void url_encoded_keys_from_the_notification_are_decoded() throws IOException {
        put("cf/with space/E2.2019-12-13-22.x.gz", Fixtures.read(Fixtures.cloudfront("awsdocs_2023_standard_log_example.log")));

        List<ObjectReport> reports = handler(50, 3, Duration.ofSeconds(5)).process(S3Events.event(BUCKET,
                S3Events.created("cf/with space/E2.2019-12-13-22.x.gz", 2844)));

        assertThat(reports.get(0).key()).isEqualTo("cf/with space/E2.2019-12-13-22.x.gz");
        assertThat(reports.get(0).parse().parsed()).isEqualTo(6);
    }

    @Test
    void a_400_is_reported_with_its_per_record_errors_and_the_other_records_still_arrive() {
        ingest.validateWith(batch -> {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).path("clientIp").asText().startsWith("2a02:")) {
                    return "{\"error\":\"invalid_records\",\"detail\":\"1 of " + batch.size()
                            + " records are invalid; nothing of this batch was accepted\",\"records\":[{\"index\":" + i
                            + ",\"line\":" + (i + 1) + ",\"errors\":[\"clientIp is not allowed here\"]}]}";
                }
            }
            return null;
        });

        ObjectReport report = handler(50, 3, Duration.ofSeconds(5))
                .process(S3Events.event(BUCKET, S3Events.created(KEY, 2000))).get(0);

        assertThat(ingest.answered()).containsExactly(400, 202);
        assertThat(ingest.acceptedRecords()).hasSize(11);
        assertThat(report.delivery().accepted()).isEqualTo(11);
        assertThat(report.delivery().rejected()).isEqualTo(1);
        assertThat(report.delivery().rejections().get(0).requestId())
                .isEqualTo("k6WGMNkEzR5BEM_SaF47gjtX9zBDO2m349OY2an0QPEaUum1ZOLrow==");
        assertThat(report.delivery().rejections().get(0).errors()).containsExactly("clientIp is not allowed here");
    }

    @Test
    void when_retries_run_out_the_invocation_fails_so_that_aws_retries_it() {
        ingest.then(Answer.status(503, "0"), Answer.status(503, "0"), Answer.status(503, "0"));

        assertThatThrownBy(() -> handler(50, 3, Duration.ofSeconds(5))
                .process(S3Events.event(BUCKET, S3Events.created(KEY, 2000))))
                .isInstanceOf(IngestUnavailable.class).hasMessageContaining("HTTP 503");
        assertThat(ingest.answered()).containsExactly(503, 503, 503);
    }

    @Test
    void an_unreachable_ingest_is_retried_then_fails_the_invocation() throws IOException {
        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        S3LogHandler handler = handler(closed, IngestStandIn.KEY, 50, 2, Duration.ofSeconds(2));

        assertThatThrownBy(() -> handler.process(S3Events.event(BUCKET, S3Events.created(KEY, 2000))))
                .isInstanceOf(IngestUnavailable.class).hasMessageContaining("ConnectException");
    }

    @Test
    void a_wrong_key_is_not_retried() {
        S3LogHandler handler = handler(ingest.uri(), "wrong-key", 50, 5, Duration.ofSeconds(5));

        assertThatThrownBy(() -> handler.process(S3Events.event(BUCKET, S3Events.created(KEY, 2000))))
                .isInstanceOf(IngestRefused.class).hasMessageContaining("401");
        assertThat(ingest.answered()).containsExactly(401);
    }

    @Test
    void the_lambda_entry_returns_a_json_summary_per_object() {
        String summary = handler(50, 3, Duration.ofSeconds(5))
                .handleRequest(S3Events.event(BUCKET, S3Events.created(KEY, 2000), S3Events.created("cf/", 0)), null);

        assertThat(summary).contains("\"status\":\"processed\"").contains("\"parsed\":12")
                .contains("\"reason\":\"folder marker\"");
    }
}
