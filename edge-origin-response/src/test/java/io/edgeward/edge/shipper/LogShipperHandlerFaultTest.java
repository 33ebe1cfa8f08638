package io.edgeward.edge.shipper;

import static io.edgeward.testing.CloudFrontEvents.VIEWER_RESPONSE;
import static io.edgeward.edge.shipper.LogShipperHandlerTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.ShipperStats;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.IngestStandIn;
import io.edgeward.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ingest hanging, dead or pushing back: the response path never waits and loses only what the bounds say. */
class LogShipperHandlerFaultTest {

    private static final String KEY = "ingest-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestStandIn ingest = IngestStandIn.start(KEY);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T13:40:43.123Z"));

    @AfterEach
    void stopIngest() {
        ingest.close();
    }

    private LogShipperHandler handler(String url, int batchSize, int queueLimit, int maxInFlight) {
        ShipperConfig config = new ShipperConfig(
                new ShipperConfig.Ingest(url, KEY, batchSize, 2000, queueLimit, 30_000, maxInFlight),
                ShipperConfig.Logging.defaults());
        return new LogShipperHandler(LogShipperHandler.Dependencies.of(config,
                JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test.shipper")));
    }

    /** Awaits a state of the counters; a timeout shows the counters and what the stand-in saw. */
    private void awaitStats(LogShipperHandler handler, java.util.function.Predicate<ShipperStats> expected) {
        await().untilAsserted(() -> assertThat(handler.stats())
                .as("ingest received %d, answered %d", ingest.received(), ingest.answered().size()).matches(expected));
    }

    private static Map<String, Object> request(String id) {
        return CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), id);
    }

    private static void assertUnchanged(JsonNode out, Map<String, Object> event) {
        assertThat(out).isEqualTo(JSON.valueToTree(CloudFrontEvents.response(event)));
    }

    @Test
    void a_hanging_ingest_does_not_hold_the_response() throws IOException {
        ingest.holdRequests();
        LogShipperHandler handler = handler(ingest.url(), 1, 10, 4);
        Map<String, Object> event = request("held");

        JsonNode out = invoke(handler, event);

        // The handler has returned; the stand-in still holds the post and answers only once released below.
        assertUnchanged(out, event);
        await().until(() -> ingest.received() == 1);
        assertThat(ingest.answered()).isEmpty();
        assertThat(handler.stats().inFlight()).isEqualTo(1);

        ingest.release();
        await().until(() -> handler.stats().accepted() == 1);
        assertThat(ingest.records()).extracting(r -> r.get("requestId")).containsExactly("held");
    }

    @Test
    void drops_beyond_the_bound_are_counted_and_queued_batches_flush_at_the_next_invocation() throws IOException {
        ingest.holdRequests();
        LogShipperHandler handler = handler(ingest.url(), 2, 4, 1);
        for (int i = 1; i <= 8; i++) {
            Map<String, Object> event = request("r" + i);
            assertUnchanged(invoke(handler, event), event);
        }

        assertThat(handler.stats()).isEqualTo(new ShipperStats(4, 1, 0, 2, 0, 0, 0));

        ingest.release();
        awaitStats(handler, s -> s.equals(new ShipperStats(4, 0, 2, 2, 0, 0, 0)));
        // Each later invocation first sends what is queued; holding it keeps the next record queued behind it.
        ingest.holdRequests();
        invoke(handler, request("r9"));
        assertThat(handler.stats()).isEqualTo(new ShipperStats(3, 1, 2, 2, 0, 0, 0));
        ingest.release();
        awaitStats(handler, s -> s.accepted() == 4 && s.inFlight() == 0);
        ingest.holdRequests();
        invoke(handler, request("r10"));
        ingest.release();
        awaitStats(handler, s -> s.accepted() == 6 && s.inFlight() == 0);

        assertThat(ingest.records()).extracting(r -> r.get("requestId"))
                .containsExactly("r1", "r2", "r5", "r6", "r7", "r8");
        assertThat(handler.stats().queued()).isEqualTo(2);
    }

    @Test
    void a_dead_ingest_costs_only_counted_failures_and_drops() throws IOException {
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        LogShipperHandler handler = handler(deadUrl, 1, 3, 1);

        for (int i = 1; i <= 10; i++) {
            Map<String, Object> event = request("r" + i);
            assertUnchanged(invoke(handler, event), event);
        }
        await().until(() -> handler.stats().inFlight() == 0);

        ShipperStats stats = handler.stats();
        assertThat(stats.failedBatches()).isPositive();
        assertThat(stats.retriedBatches()).isEqualTo(stats.failedBatches());
        assertThat(stats.accepted()).isZero();
        assertThat(stats.queued()).isEqualTo(3);
        assertThat(stats.dropped()).isEqualTo(7);
    }

    @Test
    void a_batch_refused_with_503_is_sent_again_at_the_first_invocation_after_the_backoff() throws IOException {
        ingest.answerWith(503);
        LogShipperHandler handler = handler(ingest.url(), 1, 10, 4);
        invoke(handler, request("first"));
        await().until(() -> handler.stats().retriedBatches() == 1 && handler.stats().inFlight() == 0);
        assertThat(handler.stats().queued()).isEqualTo(1);

        ingest.answerWith(202);
        clock.advance(Duration.ofSeconds(1));
        invoke(handler, request("second"));

        await().until(() -> handler.stats().accepted() == 2);
        assertThat(ingest.records()).extracting(r -> r.get("requestId")).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void a_partial_batch_leaves_once_it_is_max_age_old_at_the_next_invocation() throws IOException {
        LogShipperHandler handler = handler(ingest.url(), 50, 100, 4);
        invoke(handler, request("early"));
        clock.advance(Duration.ofMillis(1999));
        invoke(handler, request("later"));
        assertThat(handler.stats().queued()).isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        invoke(handler, request("trigger"));

        await().until(() -> handler.stats().accepted() == 2);
        assertThat(ingest.records()).extracting(r -> r.get("requestId")).containsExactly("early", "later");
        assertThat(handler.stats().queued()).isEqualTo(1);
    }

    @Test
    void the_no_arg_constructor_reads_the_edge_config_from_the_class_path() throws IOException {
        LogShipperHandler handler = new LogShipperHandler();
        Map<String, Object> event = request("from-classpath");

        assertUnchanged(invoke(handler, event), event);
        assertThat(handler.stats().queued()).as("batchSize 50 from edgeward-edge.json").isEqualTo(1);
    }

    @Test
    void without_a_usable_config_responses_pass_through_unlogged() throws IOException {
        EdgePorts ports = JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test");
        LogShipperHandler handler = new LogShipperHandler(new LogShipperHandler.Dependencies(
                EdgeSetup.fromResource("missing.json", ports.json()).map(ShipperConfig::from), ports));
        Map<String, Object> event = request("no-config");

        assertUnchanged(invoke(handler, event), event);
        assertThat(handler.stats()).isEqualTo(new ShipperStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void an_edge_configuration_without_an_ingest_section_is_unusable_and_responses_pass_through_unlogged()
            throws IOException {
        EdgeConfig withoutIngest = EdgeConfig.fromJson(Map.of("cookie", Map.of("name", "__Host-ew",
                "lifetime", "PT24H", "keys", Map.of("k1", "c2hpcHBlci10ZXN0LWtleS1ub3QtYS1zZWNyZXQtMDEyMzQ1Njc4OQ"),
                "signingKey", "k1"), "protector", Map.of("url", "http://127.0.0.1:9", "apiKey", "edge-key")));
        LogShipperHandler handler = new LogShipperHandler(LogShipperHandler.Dependencies.of(withoutIngest));
        Map<String, Object> event = request("no-ingest");

        assertUnchanged(invoke(handler, event), event);
        assertThat(handler.stats()).isEqualTo(new ShipperStats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void input_that_is_not_json_gets_an_empty_object_not_an_exception() throws IOException {
        LogShipperHandler handler = handler(ingest.url(), 1, 10, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)), out, null);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(List.of(handler.stats().queued(), handler.stats().inFlight())).containsExactly(0, 0);
    }
}
