package io.edgeward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The shared stand-ins refuse what the real services refuse, so a test cannot pass on a request they would not take. */
class StandInsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ingest_keeps_nothing_sent_with_a_wrong_key_or_another_content_type() throws Exception {
        try (IngestStandIn ingest = IngestStandIn.start("right-key")) {
            assertThat(postLogs(ingest, "wrong-key", "application/x-ndjson", "{\"a\":1}\n".getBytes(), null))
                    .isEqualTo(401);
            assertThat(postLogs(ingest, "right-key", "application/json", "{\"a\":1}\n".getBytes(), null))
                    .isEqualTo(415);
            assertThat(ingest.acceptedRecords()).isEmpty();
            assertThat(ingest.answered()).containsExactly(401, 415);
        }
    }

    @Test
    void ingest_accepts_gzip_ndjson_and_keeps_each_record() throws Exception {
        try (IngestStandIn ingest = IngestStandIn.start()) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("{\"requestId\":\"a\"}\n{\"requestId\":\"b\"}\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(postLogs(ingest, IngestStandIn.KEY, "application/x-ndjson", zipped.toByteArray(), "gzip"))
                    .isEqualTo(202);
            assertThat(ingest.records()).extracting(r -> r.get("requestId")).containsExactly("a", "b");
        }
    }

    @Test
    void protector_refuses_a_wrong_key_and_still_records_the_attempt() throws Exception {
        try (ProtectorStandIn protector = ProtectorStandIn.start()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(protector.url() + "/v1/check"))
                    .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(protector.calls()).isEqualTo(1);
            assertThat(protector.lastRequest()).containsEntry("_authorization", "Bearer wrong");
        }
    }

    @Test
    void the_test_clock_moves_only_when_told() {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T00:00:00Z"));
        clock.advanceSeconds(90);
        clock.advanceMillis(500);
        clock.advance(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T00:02:30.500Z"));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    }

    private int postLogs(IngestStandIn ingest, String key, String contentType, byte[] body, String encoding)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/logs"))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
