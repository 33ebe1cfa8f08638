package io.edgeward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.ingest.support.IngestClient;
import io.edgeward.ingest.support.LogRecords;
import io.edgeward.ingest.support.TopicReader;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records posted over real HTTP land in a real Kafka topic, keyed and timestamped as the contract says. */
@ExtendWith(KafkaBrokerExtension.class)
class LogsEndpointTest {

    private static final String KEY = "test-ingest-key-0123456789";
    private static final String NEXT_KEY = "rotated-ingest-key-9876543210";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBroker broker;
    private static IngestServer server;
    private static IngestClient client;
    private static String topic;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        broker = kafka;
        topic = "logs-" + UUID.randomUUID();
        server = IngestServer.start(IngestConfig.builder()
                .bindAddress("127.0.0.1").port(0)
                .apiKeys(List.of(KEY, NEXT_KEY))
                .bootstrapServers(kafka.bootstrapServers())
                .topic(topic).partitions(2)
                .build());
        client = new IngestClient(server.port(), KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ndjson_records_arrive_in_kafka_keyed_by_client_ip_with_the_request_time_as_timestamp() throws Exception {
        String prefix = "nd-" + UUID.randomUUID();
        Instant time = Instant.parse("2026-11-23T13:40:43.123Z");
        HttpResponse<String> response = client.postNdjson(LogRecords.ndjson(prefix, 20, time));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(20);
        Map<String, ConsumerRecord<String, String>> read = readBack(prefix, 20);
        ConsumerRecord<String, String> third = read.get(prefix + "-3");
        assertThat(third.key()).isEqualTo("203.0.113.3");
        assertThat(third.timestamp()).isEqualTo(time.plusMillis(3).toEpochMilli());
        assertThat(third.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        JsonNode value = JSON.readTree(third.value());
        assertThat(value.get("clientIp").asText()).isEqualTo("203.0.113.3");
        assertThat(value.get("status").asInt()).isEqualTo(200);
        assertThat(value.get("path").asText()).isEqualTo("/products/7");
        assertThat(value.get("query").asText()).isEqualTo("q=shoes&password=%2A%2A%2A");
        assertThat(value.get("ja4").asText()).isEqualTo("t13d1516h2_8daaf6152771_02713d6af862");
        assertThat(value.get("reason").isNull()).isTrue();
    }

    @Test
    void a_gzipped_json_array_is_accepted_and_normalized_to_compact_json() throws Exception {
        String prefix = "arr-" + UUID.randomUUID();
        String spaced = "[\n  " + LogRecords.record(prefix + "-0", "2001:db8::7", Instant.parse("2026-11-23T13:40:43Z"))
                .replace(",\"", ",  \"") + ",\n  "
                + LogRecords.record(prefix + "-1", "198.51.100.9", Instant.parse("2026-11-23T13:40:44Z")) + "\n]";
        byte[] body = IngestClient.gzip(spaced.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.post(body, "application/json; charset=utf-8", "gzip", KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":2}");
        Map<String, ConsumerRecord<String, String>> read = readBack(prefix, 2);
        ConsumerRecord<String, String> first = read.get(prefix + "-0");
        assertThat(first.key()).isEqualTo("2001:db8::7");
        assertThat(first.value()).doesNotContain("  ").startsWith("{\"v\":1,\"time\":\"2026-11-23T13:40:43Z\"");
    }

    @Test
    void the_c8_fields_reach_kafka_exactly_as_the_edge_sent_them() throws Exception {
        String prefix = "c8-" + UUID.randomUUID();
        String record = "{\"v\":1,\"time\":\"2026-11-23T13:40:43.123Z\",\"requestId\":\"" + prefix + "-0\","
                + "\"clientIp\":\"192.0.2.1\",\"method\":\"GET\",\"path\":\"/admin/login\","
                + "\"rawPath\":\"/static/..;/admin//login\",\"status\":200,"
                + "\"headerNames\":\"host,user-agent,accept,accept-language,accept-encoding\","
                + "\"challengePasses\":3,\"sessionIssuedAt\":1795786843}\n";

        assertThat(client.postNdjson(record).statusCode()).isEqualTo(202);

        JsonNode value = JSON.readTree(readBack(prefix, 1).get(prefix + "-0").value());
        assertThat(value.get("rawPath").asText()).isEqualTo("/static/..;/admin//login");
        assertThat(value.get("path").asText()).isEqualTo("/admin/login");
        assertThat(value.get("headerNames").asText())
                .isEqualTo("host,user-agent,accept,accept-language,accept-encoding");
        assertThat(value.get("challengePasses").isInt()).isTrue();
        assertThat(value.get("challengePasses").asInt()).isEqualTo(3);
        assertThat(value.get("sessionIssuedAt").asLong()).isEqualTo(1795786843L);
    }

    @Test
    void unknown_fields_are_kept_and_optional_fields_may_be_absent() throws Exception {
        String prefix = "min-" + UUID.randomUUID();
        String minimal = "{\"v\":1,\"time\":\"2026-11-23T13:40:43.123Z\",\"requestId\":\"" + prefix + "-0\","
                + "\"clientIp\":\"192.0.2.1\",\"method\":\"POST\",\"path\":\"/login\",\"status\":0,"
                + "\"futureField\":{\"a\":[1,2]}}\n";

        assertThat(client.postNdjson(minimal).statusCode()).isEqualTo(202);

        JsonNode value = JSON.readTree(readBack(prefix, 1).get(prefix + "-0").value());
        assertThat(value.get("futureField").get("a").get(1).asInt()).isEqualTo(2);
    }

    @Test
    void a_rotated_key_is_accepted_alongside_the_current_one() {
        String prefix = "rot-" + UUID.randomUUID();
        byte[] body = LogRecords.ndjson(prefix, 1, Instant.now()).getBytes(StandardCharsets.UTF_8);

        assertThat(client.post(body, "application/x-ndjson", null, NEXT_KEY).statusCode()).isEqualTo(202);
    }

    @Test
    void health_needs_no_key_and_ready_reports_kafka_reachable() {
        assertThat(client.get("/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = client.get("/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ready");
    }

    @Test
    void metrics_need_a_key_and_count_accepted_and_rejected_batches_and_ack_latency() {
        client.postNdjson(LogRecords.ndjson("m-" + UUID.randomUUID(), 3, Instant.now()));
        client.post("{}".getBytes(StandardCharsets.UTF_8), "text/plain", null, KEY);

        assertThat(client.get("/metrics", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = client.get("/metrics", KEY);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("edgeward_ingest_records_accepted_total")
                .contains("edgeward_ingest_batches_rejected_total{reason=\"unsupported_media_type\"}")
                .contains("edgeward_ingest_inflight_records")
                .contains("edgeward_ingest_kafka_ack_seconds_bucket");
    }

    @Test
    void unknown_paths_answer_404_in_the_problem_shape() throws Exception {
        HttpResponse<String> response = client.get("/v1/nothing", KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("not_found");
    }

    private static Map<String, ConsumerRecord<String, String>> readBack(String prefix, int expected) {
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            Function<List<ConsumerRecord<String, String>>, Map<String, ConsumerRecord<String, String>>> mine =
                    all -> all.stream().filter(r -> r.value().contains("\"" + prefix + "-"))
                            .collect(Collectors.toMap(r -> requestId(r.value()), r -> r));
            await().atMost(Duration.ofSeconds(30)).until(() -> mine.apply(reader.poll()).size() >= expected);
            Map<String, ConsumerRecord<String, String>> found = mine.apply(reader.poll());
            assertThat(found).hasSize(expected);
            return found;
        }
    }

    private static String requestId(String value) {
        try {
            return JSON.readTree(value).get("requestId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
