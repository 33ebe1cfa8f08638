package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.testing.TestPorts;
import io.edgeward.testing.CloudFrontEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRecordBuilderTest {

    private static final long NOW = Instant.parse("2026-11-23T13:40:43.123Z").toEpochMilli();
    private final JsonCodec json = TestPorts.json();
    private final LogRecordBuilder builder = new LogRecordBuilder(ShipperConfig.Logging.defaults(), json);

    @Test
    void builds_the_record_of_the_documented_viewer_response() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));

        LogRecord record = builder.build("edge", event.config(), event.request(), event.response(), null, NOW)
                .orElseThrow();

        assertThat(record.time()).isEqualTo("2026-11-23T13:40:43.123Z");
        assertThat(record.requestId()).isEqualTo("4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==");
        assertThat(record.clientIp()).isEqualTo("203.0.113.178");
        assertThat(record.method()).isEqualTo("GET");
        assertThat(record.host()).isEqualTo("d111111abcdef8.cloudfront.net");
        assertThat(record.path()).isEqualTo("/");
        assertThat(record.query()).isNull();
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.bytes()).isEqualTo(9593L);
        assertThat(record.contentType()).isEqualTo("text/html");
        assertThat(record.userAgent()).isEqualTo("curl/7.66.0");
        assertThat(record.accept()).isEqualTo("*/*");
        assertThat(record.action()).isNull();
    }

    @Test
    void the_mark_reaches_the_record() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));
        RequestMark mark = new RequestMark("challenge", "stale", "mitigate", "sid1", "dec-7", "burst of 40 req/s");

        LogRecord record = builder.build("edge", event.config(), event.request(), event.response(), mark, NOW)
                .orElseThrow();

        assertThat(List.of(record.action(), record.cookieState(), record.mode(), record.sessionId(),
                record.decisionId(), record.reason()))
                .containsExactly("challenge", "stale", "mitigate", "sid1", "dec-7", "burst of 40 req/s");
    }

    @Test
    void cookies_and_authorization_never_reach_the_record_and_queries_are_masked() {
        CfHeaders headers = CfHeaders.empty().with("Cookie", "__Host-ew=SECRET-COOKIE")
                .with("Authorization", "Bearer SECRET-AUTH").with("Referer", "https://a.example/?session=SECRET-S")
                .with("CloudFront-Viewer-Country", "DE").with("CloudFront-Viewer-JA4-Fingerprint", "t13d1516h2_x")
                .with("CloudFront-Viewer-ASN", "3320");
        CfRequest request = new CfRequest("198.51.100.7", "GET", "/login", "user=ann&password=SECRET-P", headers,
                null, null);
        CfResponse response = CfResponse.generated(403, "Forbidden", CfHeaders.empty(), "blocked");

        LogRecord record = builder.build("edge-viewer-request", io.edgeward.edge.core.event.CfConfig.EMPTY, request,
                response, null, NOW).orElseThrow();
        String written = json.write(record.toJson());

        assertThat(written).doesNotContain("SECRET");
        assertThat(record.query()).isEqualTo("user=ann&password=%2A%2A%2A");
        assertThat(record.referer()).isEqualTo("https://a.example/?session=%2A%2A%2A");
        assertThat(record.country()).isEqualTo("DE");
        assertThat(record.ja4()).isEqualTo("t13d1516h2_x");
        assertThat(record.asn()).isEqualTo(3320L);
        assertThat(record.bytes()).isEqualTo(7L);
        assertThat(record.source()).isEqualTo("edge-viewer-request");
    }

    @Test
    void a_body_is_logged_masked_when_the_event_has_one() throws Exception {
        ShipperConfig.Logging logging = new ShipperConfig.Logging(List.of(), List.of(), List.of("username"));
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs-2020_request-event-format_with-body.json"));
        CfResponse response = CfResponse.generated(200, "OK", CfHeaders.empty(), null);

        LogRecord record = new LogRecordBuilder(logging, json)
                .build("edge-viewer-request", event.config(), event.request(), response, null, NOW).orElseThrow();

        assertThat(record.body()).isEqualTo("{\"username\":\"***\",\"comment\":\"This is request body\"}");
    }

    @Test
    void configured_static_extensions_are_skipped_case_insensitively() {
        LogRecordBuilder skipping = new LogRecordBuilder(
                new ShipperConfig.Logging(List.of("css", "png"), List.of(), List.of()), json);

        assertThat(skipping.skips("/assets/site.CSS")).isTrue();
        assertThat(skipping.skips("/img/logo.png")).isTrue();
        assertThat(skipping.skips("/products/7")).isFalse();
        assertThat(skipping.skips("/v1.css/page")).isFalse();
        assertThat(skipping.skips("/file.")).isFalse();
        assertThat(builder.skips("/assets/site.css")).as("default skips nothing").isFalse();
    }

    @Test
    void nulls_are_left_out_of_the_json_and_required_fields_are_present() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));
        Map<String, Object> written = builder.build("edge", event.config(), event.request(), event.response(), null,
                NOW).orElseThrow().toJson();

        assertThat(written).containsKeys("v", "time", "requestId", "clientIp", "method", "path", "status")
                .doesNotContainKeys("query", "action", "body", "asn").containsEntry("v", 1);
    }

    @Test
    void texts_are_cut_to_what_ingest_accepts_and_empty_required_fields_get_placeholders() {
        CfHeaders headers = CfHeaders.empty().with("User-Agent", "u".repeat(20_000));
        CfRequest request = new CfRequest("198.51.100.7", "GET", "", "q=" + "x".repeat(200_000), headers, null, null);
        CfResponse response = CfResponse.generated(200, "OK", CfHeaders.empty(), null);

        LogRecord record = builder.build("edge", io.edgeward.edge.core.event.CfConfig.EMPTY, request, response, null,
                NOW).orElseThrow();

        assertThat(record.userAgent()).hasSize(LogRecordBuilder.TEXT_LIMIT);
        assertThat(record.query()).hasSize(LogRecordBuilder.TEXT_LIMIT);
        assertThat(record.path()).isEqualTo("/");
        assertThat(record.requestId()).isEqualTo("-");
    }

    @Test
    void the_record_has_the_normalised_path_and_the_raw_one_when_it_differs() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));
        CfRequest dressed = new CfRequest(event.request().clientIp(), "GET", "/products/3;.css", "",
                event.request().headers(), null, null);

        LogRecord record = builder.build("edge", event.config(), dressed, event.response(), null, NOW).orElseThrow();
        LogRecord plain = builder.build("edge", event.config(), event.request(), event.response(), null, NOW)
                .orElseThrow();

        assertThat(record.path()).isEqualTo("/products/3");
        assertThat(record.rawPath()).isEqualTo("/products/3;.css");
        assertThat(record.toJson()).containsEntry("rawPath", "/products/3;.css");
        assertThat(plain.rawPath()).isNull();
        assertThat(plain.toJson()).doesNotContainKey("rawPath");
    }

    @Test
    void session_facts_and_header_names_come_from_the_mark() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));
        RequestMark mark = new RequestMark("allow", "stale", "mitigate", "sid1", null, null, 1_795_000_000L, 2,
                "host,user-agent,accept");

        Map<String, Object> json = builder.build("edge", event.config(), event.request(), event.response(), mark, NOW)
                .orElseThrow().toJson();

        assertThat(json).containsEntry("headerNames", "host,user-agent,accept").containsEntry("challengePasses", 2)
                .containsEntry("sessionIssuedAt", 1_795_000_000L);
    }

    @Test
    void a_tricky_path_is_logged_even_when_its_extension_is_skipped() {
        LogRecordBuilder skipping = new LogRecordBuilder(new ShipperConfig.Logging(List.of("css"),
                ShipperConfig.Logging.defaults().maskQueryParams(), ShipperConfig.Logging.defaults().maskBodyFields()),
                json);

        assertThat(skipping.skips("/static/site.css")).isTrue();
        assertThat(skipping.skips("/products/3;.css")).isFalse();
        assertThat(skipping.skips("//products/3.css")).isFalse();
    }
}
