package io.edgeward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing sensitive reaches Kafka: the shared masking vectors (edge-core's masking-vectors.json: login, checkout and
 * API bodies as forms and JSON, nested, with percent-encoded names and card numbers in oddly named fields, and query
 * strings) go through the local front, the real edge functions and shipper, the real ingest service and a real Kafka
 * broker. Bodies are sent as blocked and challenged POSTs, the traffic of credential stuffing and carding whose bodies
 * the viewer-request function logs; queries also as allowed GETs, logged at viewer-response.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MaskingToKafkaTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Path VECTORS = Path.of("..", "edge-core", "src", "test", "resources", "masking-vectors.json");
    private static final String BLOCKED = "192.0.2.201";
    private static final String CHALLENGED = "192.0.2.202";
    private static final String ALLOWED = "192.0.2.203";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static LogsTopic logs;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b);
        logs = new LogsTopic(stack);
        ProtectorAdmin admin = new ProtectorAdmin(stack);
        admin.decide("ip", BLOCKED, "block");
        admin.decide("ip", CHALLENGED, "challenge");
    }

    @AfterAll
    static void stop() {
        logs.close();
        stack.close();
    }

    @Test
    void blocked_and_challenged_posts_reach_kafka_with_bodies_and_queries_masked() throws Exception {
        List<Sent> sent = new ArrayList<>();
        List<Map<String, Object>> vectors = vectors();
        for (int i = 0; i < vectors.size(); i++) {
            Map<String, Object> vector = vectors.get(i);
            if (Boolean.TRUE.equals(vector.get("truncated"))) {
                continue; // the front cuts bodies only past CloudFront's 40 KB; covered by the unit and Node tests
            }
            String ip = i % 2 == 0 ? BLOCKED : CHALLENGED;
            HttpResponse<String> response = post(ip, "/login", (String) vector.get("query"),
                    (String) vector.get("contentType"), (String) vector.get("body"));
            assertThat(response.headers().firstValue("x-edgeward-action")).as((String) vector.get("name"))
                    .hasValue(i % 2 == 0 ? "block" : "challenge");
            sent.add(new Sent(vector, requestId(response)));
        }

        for (Sent one : sent) {
            JsonNode record = logged(one.requestId());
            assertThat(record.path("source").asText()).isEqualTo("edge-viewer-request");
            assertThat(text(record, "query")).as(one.name()).isEqualTo(one.vector().get("maskedQuery"));
            assertThat(text(record, "body")).as(one.name()).isEqualTo(one.vector().get("maskedBody"));
            assertNoSecret(record, one);
        }
    }

    @Test
    void queries_of_allowed_requests_reach_kafka_masked() throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (Map<String, Object> vector : vectors()) {
            if (vector.get("query") != null) {
                HttpResponse<String> response = send(request(ALLOWED, "/search", (String) vector.get("query")).GET());
                sent.add(new Sent(vector, requestId(response)));
            }
        }

        for (Sent one : sent) {
            JsonNode record = logged(one.requestId());
            assertThat(record.path("source").asText()).isEqualTo("edge");
            assertThat(text(record, "query")).as(one.name()).isEqualTo(one.vector().get("maskedQuery"));
            assertNoSecret(record, one);
        }
    }

    private record Sent(Map<String, Object> vector, String requestId) {
        String name() {
            return (String) vector.get("name");
        }
    }

    private static void assertNoSecret(JsonNode record, Sent one) {
        String shipped = record.toString();
        for (Object secret : (List<?>) one.vector().get("secrets")) {
            assertThat(shipped).as(one.name()).doesNotContain((String) secret);
        }
    }

    private static JsonNode logged(String requestId) {
        await().atMost(WITHIN).until(() -> !logs.withRequestId(requestId).isEmpty());
        return logs.withRequestId(requestId).get(0).value();
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<Map<String, Object>> vectors() throws IOException {
        return JSON.readValue(VECTORS.toFile(), new TypeReference<>() { });
    }

    private static HttpResponse<String> post(String ip, String path, String query, String contentType, String body) {
        HttpRequest.Builder builder = request(ip, path, query)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private static HttpRequest.Builder request(String ip, String path, String query) {
        String target = "http://127.0.0.1:" + stack.frontPort() + path + (query == null ? "" : "?" + query);
        return HttpRequest.newBuilder(URI.create(target))
                .header("User-Agent", Visitor.FIREFOX)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.5")
                .header("X-Forwarded-For", ip);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amz-cf-id").orElseThrow();
    }
}
