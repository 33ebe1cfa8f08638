package io.edgeward.edge.shipper;

import static io.edgeward.testing.CloudFrontEvents.ORIGIN_RESPONSE;
import static io.edgeward.testing.CloudFrontEvents.VIEWER_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.IngestStandIn;
import io.edgeward.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogShipperHandlerTest {

    private static final String KEY = "ingest-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IngestStandIn ingest = IngestStandIn.start(KEY);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T13:40:43.123Z"));

    @AfterEach
    void stopIngest() {
        ingest.close();
    }

    private LogShipperHandler handler(int batchSize, int queueLimit, int maxInFlight, List<String> skipExtensions) {
        ShipperConfig config = new ShipperConfig(
                new ShipperConfig.Ingest(ingest.url(), KEY, batchSize, 2000, queueLimit, 5000, maxInFlight),
                new ShipperConfig.Logging(skipExtensions, List.of("password", "token"), List.of("password")));
        return new LogShipperHandler(LogShipperHandler.Dependencies.of(config,
                JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test.shipper")));
    }

    private LogShipperHandler handler() {
        return handler(100, 1000, 4, List.of());
    }

    static JsonNode invoke(LogShipperHandler handler, Object event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(CloudFrontEvents.bytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    /** Sends what is queued and waits until ingest has answered every post. */
    private List<Map<String, Object>> shipped(LogShipperHandler handler) {
        handler.flushAll();
        await().until(() -> handler.stats().inFlight() == 0 && handler.stats().queued() == 0);
        return ingest.records();
    }

    @Test
    void the_record_carries_the_viewer_response_event_fields() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.load(VIEWER_RESPONSE));

        Map<String, Object> record = shipped(handler).get(0);
        assertThat(record).containsEntry("v", 1).containsEntry("time", "2026-11-23T13:40:43.123Z")
                .containsEntry("requestId", "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==")
                .containsEntry("source", "edge").containsEntry("clientIp", "203.0.113.178")
                .containsEntry("method", "GET").containsEntry("host", "d111111abcdef8.cloudfront.net")
                .containsEntry("path", "/").containsEntry("status", 200).containsEntry("bytes", 9593)
                .containsEntry("contentType", "text/html").containsEntry("userAgent", "curl/7.66.0")
                .containsEntry("accept", "*/*").doesNotContainKeys("query", "action", "sessionId");
    }

    @Test
    void below_400_is_logged_at_viewer_response_and_not_at_origin_response() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(ORIGIN_RESPONSE), "origin-200"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "viewer-200"));

        assertThat(shipped(handler)).extracting(r -> r.get("requestId")).containsExactly("viewer-200");
    }

    @Test
    void from_400_is_logged_at_origin_response_and_not_at_viewer_response() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "viewer-404"), 404));
        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.withRequestId(CloudFrontEvents.load(ORIGIN_RESPONSE), "origin-404"), 404));
        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.withRequestId(CloudFrontEvents.load(ORIGIN_RESPONSE), "origin-503"), 503));

        assertThat(shipped(handler)).extracting(r -> r.get("requestId"), r -> r.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("origin-404", 404),
                        org.assertj.core.groups.Tuple.tuple("origin-503", 503));
    }

    @Test
    void every_request_is_logged_exactly_once_across_hits_misses_and_errors() throws IOException {
        LogShipperHandler handler = handler();
        // What CloudFront runs: a miss with 200 gives both events, a hit only viewer-response,
        // a miss with 404 only origin-response (no viewer-response function for status >= 400).
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(ORIGIN_RESPONSE), "miss-200"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "miss-200"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "hit-200"));
        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.withRequestId(CloudFrontEvents.load(ORIGIN_RESPONSE), "miss-404"), 404));
        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "hit-304"), 304));

        assertThat(shipped(handler)).extracting(r -> r.get("requestId"))
                .containsExactly("miss-200", "hit-200", "miss-404", "hit-304");
    }

    @Test
    void sensitive_values_are_masked_before_they_leave_the_edge() throws IOException {
        LogShipperHandler handler = handler();
        Map<String, Object> event = CloudFrontEvents.withUri(CloudFrontEvents.load(VIEWER_RESPONSE), "/reset",
                "user=ann&password=hunter2&Token=t0k3n");
        CloudFrontEvents.withRequestHeader(event, "Cookie", "__Host-ew=cookie-secret; other=x");
        CloudFrontEvents.withRequestHeader(event, "Authorization", "Basic YXV0aC1zZWNyZXQ=");
        CloudFrontEvents.withRequestHeader(event, "Referer", "https://shop.example/mail?token=referer-secret");

        invoke(handler, event);

        Map<String, Object> record = shipped(handler).get(0);
        assertThat(record).containsEntry("query", "user=ann&password=%2A%2A%2A&Token=%2A%2A%2A")
                .containsEntry("referer", "https://shop.example/mail?token=%2A%2A%2A");
        assertThat(ingest.bodies().get(0)).doesNotContain("hunter2", "t0k3n", "cookie-secret", "YXV0aC1zZWNyZXQ",
                "referer-secret");
    }

    @Test
    void configured_static_assets_are_not_logged() throws IOException {
        LogShipperHandler handler = handler(100, 1000, 4, List.of("css", "png"));

        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.withUri(CloudFrontEvents.load(VIEWER_RESPONSE), "/s/site.css", ""), "css"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.withUri(CloudFrontEvents.load(VIEWER_RESPONSE), "/logo.PNG", ""), "png"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.withUri(CloudFrontEvents.load(VIEWER_RESPONSE), "/s/app.js", ""), "js"));

        assertThat(shipped(handler)).extracting(r -> r.get("requestId")).containsExactly("js");
    }

    @Test
    void the_viewer_request_decision_reaches_the_record_at_both_events() throws IOException {
        LogShipperHandler handler = handler();
        String mark = RequestMark.format("challenge", "stale", "mitigate", "c2Vzc2lvbi0x", "dec-9", "ja4 on list");

        invoke(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(VIEWER_RESPONSE), RequestMark.HEADER, mark));
        invoke(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.withStatus(CloudFrontEvents.load(ORIGIN_RESPONSE), 403),
                RequestMark.HEADER, mark));

        assertThat(shipped(handler)).hasSize(2).allSatisfy(record -> assertThat(record)
                .containsEntry("action", "challenge").containsEntry("cookieState", "stale")
                .containsEntry("mode", "mitigate").containsEntry("sessionId", "c2Vzc2lvbi0x")
                .containsEntry("decisionId", "dec-9").containsEntry("reason", "ja4 on list"));
    }

    @Test
    void the_viewers_header_names_and_session_facts_reach_the_record_at_both_events_and_the_path_is_normalised()
            throws IOException {
        LogShipperHandler handler = handler();
        String mark = new RequestMark("allow", "stale", "mitigate", "c2Vzc2lvbi0x", null, null, 1_795_000_000L, 2,
                "host,user-agent,accept,accept-language").format();

        invoke(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.withUri(CloudFrontEvents.load(VIEWER_RESPONSE), "/products/3;.css", ""),
                RequestMark.HEADER, mark));
        invoke(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.withStatus(CloudFrontEvents.load(ORIGIN_RESPONSE), 404),
                RequestMark.HEADER, mark));

        assertThat(shipped(handler)).hasSize(2).allSatisfy(record -> assertThat(record)
                .containsEntry("headerNames", "host,user-agent,accept,accept-language")
                .containsEntry("challengePasses", 2).containsEntry("sessionIssuedAt", 1_795_000_000));
        assertThat(shipped(handler).get(0)).containsEntry("path", "/products/3")
                .containsEntry("rawPath", "/products/3;.css");
        assertThat(shipped(handler).get(1)).doesNotContainKey("rawPath");
    }

    @Test
    void without_a_mark_the_origin_requests_header_names_are_not_logged_as_the_viewers() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.load(ORIGIN_RESPONSE), 404));

        assertThat(shipped(handler)).singleElement().satisfies(r -> assertThat(r).doesNotContainKey("headerNames"));
    }

    @Test
    void an_unreadable_mark_still_logs_the_request_without_a_decision() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(VIEWER_RESPONSE), RequestMark.HEADER, "garbage|x"));

        assertThat(shipped(handler)).singleElement().satisfies(r -> assertThat(r).doesNotContainKey("action"));
    }

    @Test
    void set_cookie_is_added_at_viewer_response_only() throws IOException {
        LogShipperHandler handler = handler();
        String cookie = "__Host-ew=eyJraWQiOiJrMSJ9.e30.sig; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86400";

        JsonNode atViewer = invoke(handler,
                CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(VIEWER_RESPONSE), RequestMark.SET_COOKIE_HEADER, cookie));
        Map<String, Object> origin = CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(ORIGIN_RESPONSE),
                RequestMark.SET_COOKIE_HEADER, cookie);
        JsonNode atOrigin = invoke(handler, origin);

        assertThat(atViewer.at("/headers/set-cookie/0/key").asText()).isEqualTo("Set-Cookie");
        assertThat(atViewer.at("/headers/set-cookie/0/value").asText()).isEqualTo(cookie);
        assertThat(atOrigin.at("/headers").has("set-cookie")).isFalse();
        assertThat(atOrigin).isEqualTo(JSON.valueToTree(CloudFrontEvents.response(origin)));
    }

    @Test
    void the_response_is_otherwise_returned_exactly_as_it_came() throws IOException {
        LogShipperHandler handler = handler();
        Map<String, Object> viewer = CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(VIEWER_RESPONSE),
                RequestMark.SET_COOKIE_HEADER, "__Host-ew=v");
        Map<String, Object> origin = CloudFrontEvents.withStatus(CloudFrontEvents.load(ORIGIN_RESPONSE), 500);

        JsonNode viewerOut = invoke(handler, viewer);
        JsonNode originOut = invoke(handler, origin);

        JsonNode expectedViewer = JSON.valueToTree(CloudFrontEvents.response(viewer));
        ((com.fasterxml.jackson.databind.node.ObjectNode) expectedViewer.get("headers")).set("set-cookie",
                JSON.readTree("[{\"key\":\"Set-Cookie\",\"value\":\"__Host-ew=v\"}]"));
        assertThat(viewerOut).isEqualTo(expectedViewer);
        assertThat(originOut).isEqualTo(JSON.valueToTree(CloudFrontEvents.response(origin)));
    }

    @Test
    void an_existing_set_cookie_of_the_origin_is_kept_next_to_ours() throws IOException {
        LogShipperHandler handler = handler();
        Map<String, Object> event = CloudFrontEvents.withResponseHeader(CloudFrontEvents.load(VIEWER_RESPONSE), "Set-Cookie", "cart=1");
        CloudFrontEvents.withRequestHeader(event, RequestMark.SET_COOKIE_HEADER, "__Host-ew=v");

        JsonNode out = invoke(handler, event);

        assertThat(out.at("/headers/set-cookie").findValuesAsText("value")).containsExactly("cart=1", "__Host-ew=v");
    }

    @Test
    void a_set_cookie_value_with_line_breaks_is_not_set() throws IOException {
        LogShipperHandler handler = handler();
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.load(VIEWER_RESPONSE),
                RequestMark.SET_COOKIE_HEADER, "a=b\r\nX-Injected: 1");

        JsonNode out = invoke(handler, event);

        assertThat(out).isEqualTo(JSON.valueToTree(CloudFrontEvents.response(event)));
    }

    @Test
    void a_response_generated_by_viewer_request_is_not_logged_twice() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withResponseHeader(CloudFrontEvents.withStatus(CloudFrontEvents.load(VIEWER_RESPONSE), 200),
                "x-edgeward-action", "challenge"));
        invoke(handler, CloudFrontEvents.withRequestId(CloudFrontEvents.load(VIEWER_RESPONSE), "served"));

        assertThat(shipped(handler)).extracting(r -> r.get("requestId")).containsExactly("served");
    }

    @Test
    void cloudfronts_own_user_agent_at_origin_response_is_not_logged_as_the_viewers() throws IOException {
        LogShipperHandler handler = handler();

        invoke(handler, CloudFrontEvents.withStatus(CloudFrontEvents.load(ORIGIN_RESPONSE), 404));

        assertThat(shipped(handler)).singleElement().satisfies(r -> assertThat(r).doesNotContainKey("userAgent")
                .containsEntry("status", 404).containsEntry("clientIp", "203.0.113.178"));
    }
}
