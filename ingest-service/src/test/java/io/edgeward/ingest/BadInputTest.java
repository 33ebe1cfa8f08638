package io.edgeward.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.ingest.support.IngestClient;
import io.edgeward.ingest.support.LogRecords;
import io.edgeward.ingest.support.TopicReader;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of bad batch gets its own status and a clear message, and nothing of it reaches Kafka: after each test
 * the topic (used by no test that posts good records) is still empty.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BadInputTest {

    private static final String KEY = "test-ingest-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T13:40:43.123Z");
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_DECOMPRESSED = 1024 * 1024;

    private static IngestServer server;
    private static IngestClient client;
    private static TopicReader topic;

    @BeforeAll
    static void start(KafkaBroker broker) {
        String name = "bad-" + UUID.randomUUID();
        server = IngestServer.start(IngestConfig.builder()
                .bindAddress("127.0.0.1").port(0).apiKey(KEY)
                .bootstrapServers(broker.bootstrapServers()).topic(name).partitions(1)
                .maxBodyBytes(MAX_BODY).maxDecompressedBytes(MAX_DECOMPRESSED).maxRecords(100)
                .build());
        client = new IngestClient(server.port(), KEY);
        topic = new TopicReader(broker.bootstrapServers(), name);
    }

    @AfterAll
    static void stop() {
        topic.close();
        server.close();
    }

    @AfterEach
    void nothing_reached_kafka() {
        assertThat(topic.endOffsets()).isZero();
        assertThat(topic.poll()).isEmpty();
    }

    @Test
    void a_malformed_ndjson_line_is_reported_with_its_index_and_line() throws Exception {
        String body = LogRecords.record("a", "192.0.2.1", NOW) + "\n\n{\"v\":1,\"time\":\n"
                + LogRecords.record("c", "192.0.2.1", NOW) + "\n";

        JsonNode problem = expect(client.postNdjson(body), 400, "invalid_records");

        assertThat(problem.get("detail").asText()).contains("1 of 3 records are invalid");
        JsonNode record = problem.get("records").get(0);
        assertThat(record.get("index").asInt()).isEqualTo(1);
        assertThat(record.get("line").asInt()).isEqualTo(3);
        assertThat(record.get("errors").get(0).asText()).startsWith("not valid JSON");
    }

    @Test
    void a_malformed_json_array_is_refused_as_a_whole() throws Exception {
        byte[] body = ("[" + LogRecords.record("a", "192.0.2.1", NOW) + ",{\"v\":1,]").getBytes(StandardCharsets.UTF_8);

        JsonNode problem = expect(client.post(body, "application/json", null, KEY), 400, "malformed_json");

        assertThat(problem.get("detail").asText()).contains("not valid JSON at line 1");
    }

    @Test
    void a_json_body_that_is_not_an_array_is_refused() throws Exception {
        byte[] body = LogRecords.record("a", "192.0.2.1", NOW).getBytes(StandardCharsets.UTF_8);

        JsonNode problem = expect(client.post(body, "application/json", null, KEY), 400, "malformed_json");

        assertThat(problem.get("detail").asText()).contains("must be a JSON array");
    }

    @Test
    void wrong_types_are_listed_per_record_and_the_valid_records_of_the_batch_are_not_written() throws Exception {
        String good = LogRecords.record("good", "192.0.2.1", NOW);
        String body = good + "\n" + good + "\n" + good + "\n"
                + good.replace("\"status\":200", "\"status\":\"200\"").replace("\"bytes\":5120", "\"bytes\":-1")
                + "\n" + good.replace("\"clientIp\":\"192.0.2.1\"", "\"clientIp\":\"shop.example\"") + "\n";

        JsonNode problem = expect(client.postNdjson(body), 400, "invalid_records");

        assertThat(problem.get("records")).hasSize(2);
        JsonNode fourth = problem.get("records").get(0);
        assertThat(fourth.get("index").asInt()).isEqualTo(3);
        assertThat(texts(fourth.get("errors"))).containsExactly(
                "status must be an integer 100-599 (or 0: no response, as CloudFront logs it), was string \"200\"",
                "bytes must be a non-negative integer or null, was number -1");
        assertThat(texts(problem.get("records").get(1).get("errors")))
                .containsExactly("clientIp must be an IPv4 or IPv6 address, was string \"shop.example\"");
    }

    @Test
    void missing_required_fields_are_each_named() throws Exception {
        String body = "{\"v\":1,\"requestId\":\"x\",\"method\":\"GET\",\"path\":\"/\"}\n";

        JsonNode problem = expect(client.postNdjson(body), 400, "invalid_records");

        assertThat(texts(problem.get("records").get(0).get("errors")))
                .containsExactly("time is required", "clientIp is required", "status is required");
    }

    @Test
    void a_time_that_is_not_iso_8601_or_lies_in_the_future_is_refused() throws Exception {
        String good = LogRecords.record("t", "192.0.2.1", NOW);
        String body = good.replace(NOW.toString(), "23/Nov/2026:13:40:43 +0000") + "\n"
                + good.replace(NOW.toString(), Instant.now().plusSeconds(3600).toString()) + "\n";

        JsonNode problem = expect(client.postNdjson(body), 400, "invalid_records");

        assertThat(problem.get("records").get(0).get("errors").get(0).asText()).startsWith("time must be an ISO-8601");
        assertThat(problem.get("records").get(1).get("errors").get(0).asText())
                .startsWith("time must not be more than PT15M ahead");
    }

    @Test
    void duplicate_fields_in_a_record_are_refused() throws Exception {
        String body = LogRecords.record("d", "192.0.2.1", NOW).replace("\"status\":200", "\"status\":200,\"status\":403")
                + "\n";

        JsonNode problem = expect(client.postNdjson(body), 400, "invalid_records");

        assertThat(problem.get("records").get(0).get("errors").get(0).asText()).contains("Duplicate field 'status'");
    }

    @Test
    void a_body_larger_than_the_limit_is_refused_with_413() throws Exception {
        JsonNode problem = expect(client.postNdjson(LogRecords.ndjson("big", 90, NOW) + " ".repeat(MAX_BODY)), 413,
                "payload_too_large");

        assertThat(problem.get("detail").asText()).contains("limit is " + MAX_BODY);
    }

    @Test
    void a_chunked_body_larger_than_the_limit_is_refused_with_413() throws Exception {
        byte[] body = (LogRecords.ndjson("chunked", 50, NOW) + " ".repeat(MAX_BODY)).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/logs"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        JsonNode problem = expect(response, 413, "payload_too_large");
        assertThat(problem.get("detail").asText()).contains("exceeds the limit of " + MAX_BODY);
    }

    @Test
    void too_many_records_are_refused_with_413() throws Exception {
        JsonNode problem = expect(client.postNdjson(LogRecords.ndjson("many", 101, NOW)), 413, "too_many_records");

        assertThat(problem.get("detail").asText()).contains("more than 100 records");
    }

    @Test
    void a_body_that_claims_gzip_but_is_not_is_refused() throws Exception {
        byte[] body = LogRecords.ndjson("g", 2, NOW).getBytes(StandardCharsets.UTF_8);

        JsonNode problem = expect(client.post(body, "application/x-ndjson", "gzip", KEY), 400, "invalid_gzip");

        assertThat(problem.get("detail").asText()).startsWith("body is not valid gzip");
    }

    @Test
    void a_truncated_gzip_body_is_refused() throws Exception {
        byte[] gzip = IngestClient.gzip(LogRecords.ndjson("g", 20, NOW).getBytes(StandardCharsets.UTF_8));

        expect(client.post(Arrays.copyOf(gzip, gzip.length / 2), "application/x-ndjson", "gzip", KEY), 400,
                "invalid_gzip");
    }

    @Test
    void a_gzip_bomb_is_stopped_at_the_decompressed_limit() throws Exception {
        byte[] spaces = new byte[64 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        byte[] bomb = IngestClient.gzip(spaces);
        assertThat(bomb.length).isLessThan(MAX_BODY);

        JsonNode problem = expect(client.post(bomb, "application/x-ndjson", "gzip", KEY), 413, "payload_too_large");

        assertThat(problem.get("detail").asText())
                .isEqualTo("decompressed body exceeds the limit of " + MAX_DECOMPRESSED + " bytes");
    }

    @Test
    void no_key_a_wrong_key_or_another_scheme_is_refused_with_401() throws Exception {
        byte[] body = LogRecords.ndjson("k", 1, NOW).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> none = client.post(body, "application/x-ndjson", null, null);
        expect(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"edgeward-ingest\"");
        expect(client.post(body, "application/x-ndjson", null, KEY + "x"), 401, "unauthorized");
        expect(client.post(body, "application/x-ndjson", null, KEY.substring(1)), 401, "unauthorized");
        HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/logs"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Basic " + KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(basic, 401, "unauthorized");
    }

    @Test
    void an_unsupported_content_type_or_encoding_is_refused_with_415() throws Exception {
        byte[] body = LogRecords.ndjson("ct", 1, NOW).getBytes(StandardCharsets.UTF_8);

        assertThat(expect(client.post(body, "text/plain", null, KEY), 415, "unsupported_media_type")
                .get("detail").asText()).contains("text/plain");
        expect(client.post(body, null, null, KEY), 415, "unsupported_media_type");
        expect(client.post(body, "application/json; charset=iso-8859-1", null, KEY), 415, "unsupported_media_type");
        expect(client.post(body, "application/x-ndjson", "br", KEY), 415, "unsupported_content_encoding");
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("error").asText()).isEqualTo(error);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
