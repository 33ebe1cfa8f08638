package io.edgeward.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests to the front reach {@code edgeward.logs} through the real shipper, ingest and Kafka, once each, with
 * the contract's fields. The detection engine runs alongside, as in {@code ./edgeward local}; svg is configured as a
 * skipped extension.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LogShippingTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static LocalStack stack;
    private static LogsTopic logs;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b.detection(true).logSkipExtensions(List.of("svg")));
        logs = new LogsTopic(stack);
    }

    @AfterAll
    static void stop() {
        logs.close();
        stack.close();
    }

    @Test
    void a_page_request_is_logged_with_the_contract_fields_and_masked_query() {
        Instant before = Instant.now().minusSeconds(1);
        Visitor visitor = Visitor.browser(stack, "192.0.2.77").header("x-test-country", "DE")
                .header("x-test-ja4", "t13d1516h2_8daaf6152771_02713d6af862");

        HttpResponse<String> response = visitor.get("/search?q=shoes&password=hunter2");

        JsonNode record = loggedOnce(response).value();
        assertThat(record.get("v").asInt()).isEqualTo(1);
        assertThat(record.get("source").asText()).isEqualTo("edge");
        assertThat(record.get("clientIp").asText()).isEqualTo("192.0.2.77");
        assertThat(record.get("method").asText()).isEqualTo("GET");
        assertThat(record.get("path").asText()).isEqualTo("/search");
        assertThat(record.get("query").asText()).contains("q=shoes", "password=%2A%2A%2A").doesNotContain("hunter2");
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("userAgent").asText()).isEqualTo(Visitor.FIREFOX);
        assertThat(record.get("action").asText()).isEqualTo("allow");
        assertThat(record.get("mode").asText()).isEqualTo("mitigate");
        assertThat(record.get("cookieState").asText()).isEqualTo("none");
        assertThat(record.get("country").asText()).isEqualTo("DE");
        assertThat(record.get("ja4").asText()).isEqualTo("t13d1516h2_8daaf6152771_02713d6af862");
        assertThat(Instant.parse(record.get("time").asText())).isAfter(before).isBefore(Instant.now());
        assertThat(record.toString()).doesNotContain(SessionCookies.NAME + "=");
    }

    @Test
    void a_return_visit_is_logged_with_its_valid_cookie_and_session() {
        Visitor visitor = Visitor.browser(stack, "192.0.2.78");
        visitor.get("/");
        String sessionId = SessionCookies.sessionId(visitor.cookie().orElseThrow());

        JsonNode record = loggedOnce(visitor.get("/products/6")).value();

        assertThat(record.get("cookieState").asText()).isEqualTo("valid");
        assertThat(record.get("sessionId").asText()).isEqualTo(sessionId);
    }

    @Test
    void log_record_key_is_the_client_ip_and_timestamp_the_request_time() {
        HttpResponse<String> response = Visitor.browser(stack, "192.0.2.79").get("/api/products");

        LogsTopic.Logged logged = loggedOnce(response);

        assertThat(logged.key()).isEqualTo("192.0.2.79");
        assertThat(logged.timestamp()).isEqualTo(Instant.parse(logged.value().get("time").asText()).toEpochMilli());
    }

    @Test
    void cache_miss_and_cache_hit_are_each_logged_once() {
        Visitor visitor = Visitor.browser(stack, "192.0.2.80");
        String asset = "/static/shop.css?v=" + System.nanoTime();

        HttpResponse<String> miss = visitor.get(asset);
        HttpResponse<String> hit = visitor.get(asset);

        assertThat(miss.headers().firstValue("x-cache")).hasValue("Miss from cloudfront");
        assertThat(hit.headers().firstValue("x-cache")).hasValue("Hit from cloudfront");
        assertThat(loggedOnce(miss).value().get("status").asInt()).isEqualTo(200);
        assertThat(loggedOnce(hit).value().get("path").asText()).isEqualTo("/static/shop.css");
    }

    @Test
    void error_response_is_logged_once() {
        HttpResponse<String> response = Visitor.browser(stack, "192.0.2.81").get("/wp-login.php");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(loggedOnce(response).value().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void skipped_extension_is_not_logged() {
        Visitor visitor = Visitor.browser(stack, "192.0.2.82");
        HttpResponse<String> image = visitor.get("/static/img/2.svg");
        HttpResponse<String> marker = visitor.get("/robots.txt");

        loggedOnce(marker);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(logs.withRequestId(requestId(image))).isEmpty();
    }

    @Test
    void blocked_request_is_logged_by_the_viewer_request_function() {
        new ProtectorAdmin(stack).decide("ip", "192.0.2.83", "block");

        HttpResponse<String> response = Visitor.browser(stack, "192.0.2.83").get("/cart");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode record = loggedOnce(response).value();
        assertThat(record.get("source").asText()).isEqualTo("edge-viewer-request");
        assertThat(record.get("action").asText()).isEqualTo("block");
        assertThat(record.get("status").asInt()).isEqualTo(403);
    }

    /**
     * Waits for the response's record, then sends a later request from the same address (same partition) and waits
     * for that too, so a duplicate shipped in between would have arrived by then.
     */
    private static LogsTopic.Logged loggedOnce(HttpResponse<String> response) {
        String requestId = requestId(response);
        await().atMost(WITHIN).until(() -> !logs.withRequestId(requestId).isEmpty());
        LogsTopic.Logged logged = logs.withRequestId(requestId).get(0);
        HttpResponse<String> later = Visitor.browser(stack, logged.value().get("clientIp").asText()).get("/robots.txt");
        await().atMost(WITHIN).until(() -> !logs.withRequestId(requestId(later)).isEmpty());
        assertThat(logs.withRequestId(requestId)).hasSize(1);
        return logged;
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amz-cf-id").orElseThrow();
    }
}
