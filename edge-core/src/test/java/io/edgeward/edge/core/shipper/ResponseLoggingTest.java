package io.edgeward.edge.core.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.testing.TestPorts;
import io.edgeward.testing.CloudFrontEvents;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The policy shared by the JVM handler and the Node bundle, on the real AWS events, with a held HTTP port. */
class ResponseLoggingTest {

    private final AtomicLong now = new AtomicLong(1_790_000_000_000L);
    private final LogShipperTest.HeldHttp http = new LogShipperTest.HeldHttp();
    private final LogShipperTest.Lines log = new LogShipperTest.Lines();
    private final LogShipper shipper = new LogShipper(
            new ShipperConfig.Ingest("http://127.0.0.1:8082", "k", 1, 2000, 10, 1000, 4), http, TestPorts.json(),
            now::get, log);
    private final ResponseLogging logging = new ResponseLogging(
            new LogRecordBuilder(ShipperConfig.Logging.defaults(), TestPorts.json()), shipper, now::get, log);

    @Test
    void an_unchanged_response_is_the_very_object_that_came_in() throws Exception {
        Map<String, Object> event = CloudFrontEvents.load("awsdocs_viewer-response.json");

        Map<String, Object> out = logging.handle(event);

        assertThat(out).isSameAs(CloudFrontEvents.cf(event).get("response"));
        assertThat(http.posts).hasSize(1);
    }

    @Test
    void a_request_event_gets_its_request_back_and_is_not_logged() throws Exception {
        Map<String, Object> event = CloudFrontEvents.load("awsdocs_viewer-request.json");

        Map<String, Object> out = logging.handle(event);

        assertThat(out).isSameAs(CloudFrontEvents.cf(event).get("request"));
        assertThat(http.posts).isEmpty();
        assertThat(log.lines).anyMatch(line -> line.contains("not a response event"));
    }

    @Test
    void an_unknown_event_type_is_returned_unchanged_and_not_logged() throws Exception {
        Map<String, Object> event = CloudFrontEvents.load("awsdocs_viewer-response.json");
        ((Map<String, Object>) CloudFrontEvents.cf(event).get("config")).put("eventType", "origin-request");

        Map<String, Object> out = logging.handle(event);

        assertThat(out).isSameAs(CloudFrontEvents.cf(event).get("response"));
        assertThat(http.posts).isEmpty();
    }

    @Test
    void nothing_at_all_gives_an_empty_object() {
        assertThat(logging.handle(null)).isEmpty();
        assertThat(logging.handle(Map.of("Records", "nope"))).isEmpty();
    }

    @Test
    void each_invocation_first_sends_what_has_aged() throws Exception {
        LogShipper batching = new LogShipper(
                new ShipperConfig.Ingest("http://127.0.0.1:8082", "k", 50, 2000, 100, 1000, 4), http,
                TestPorts.json(), now::get, log);
        ResponseLogging policy = new ResponseLogging(
                new LogRecordBuilder(ShipperConfig.Logging.defaults(), TestPorts.json()), batching, now::get, log);
        policy.handle(CloudFrontEvents.load("awsdocs_viewer-response.json"));
        assertThat(http.posts).isEmpty();

        now.addAndGet(2000);
        policy.handle(CloudFrontEvents.load("awsdocs_origin-response.json"));

        assertThat(http.posts).hasSize(1);
        assertThat(batching.stats().queued()).isZero();
    }
}
