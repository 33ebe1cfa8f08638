package io.edgeward.edge.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.testing.CloudFrontEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_the_documented_viewer_request_event() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-request.json"));

        assertThat(event.config().eventType()).isEqualTo("viewer-request");
        assertThat(event.config().requestId()).startsWith("4TyzHTaYWb1GX1");
        assertThat(event.request().clientIp()).isEqualTo("203.0.113.178");
        assertThat(event.request().method()).isEqualTo("GET");
        assertThat(event.request().uri()).isEqualTo("/");
        assertThat(event.request().querystring()).isEmpty();
        assertThat(event.request().header("User-Agent")).isEqualTo("curl/7.66.0");
        assertThat(event.request().headers().entries("host").get(0).key()).isEqualTo("Host");
        assertThat(event.request().body()).isNull();
        assertThat(event.response()).isNull();
    }

    @Test
    void reads_the_body_of_the_2020_event() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs-2020_request-event-format_with-body.json"));

        RequestBody body = event.request().body();
        assertThat(body.action()).isEqualTo("read-only");
        assertThat(body.inputTruncated()).isFalse();
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).contains("\"username\":\"Lambda@Edge\"");
        assertThat(event.request().querystring()).isEqualTo("size=large");
        assertThat(event.request().clientIp()).isEqualTo("2001:0db8:85a3:0:0:8a2e:0370:7334");
    }

    @Test
    void unchanged_request_writes_back_what_was_read_including_unknown_fields() throws Exception {
        Map<String, Object> root = CloudFrontEvents.load("awsdocs-2020_request-event-format_with-body.json");
        Map<String, Object> raw = CfEvent.rawRequest(root);

        Map<String, Object> written = CfEvent.fromJson(root).request().toJson();

        assertThat((Object) JSON.valueToTree(written)).isEqualTo(JSON.valueToTree(raw));
        assertThat(written).containsKey("origin");
    }

    @Test
    void reads_the_response_of_a_viewer_response_event_and_adds_a_header() throws Exception {
        CfEvent event = CfEvent.fromJson(CloudFrontEvents.load("awsdocs_viewer-response.json"));

        CfResponse response = event.response().addingHeader("Set-Cookie", "a=b");

        assertThat(event.config().eventType()).isEqualTo("viewer-response");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("server")).isEqualTo("ExampleCustomOriginServer");
        assertThat(response.toJson().get("status")).isEqualTo("200");
        assertThat(response.headers().values("set-cookie")).contains("a=b");
        assertThat(event.response().headers().contains("set-cookie")).isFalse();
    }

    @Test
    void missing_and_mistyped_fields_count_as_absent() {
        Map<String, Object> root = Map.of("Records", List.of(Map.of("cf", Map.of(
                "config", "nonsense",
                "request", Map.of("clientIp", 7, "headers", Map.of("Accept", List.of(Map.of("value", "x"), 3),
                        "bad", "notalist"), "body", List.of())))));

        CfEvent event = CfEvent.fromJson(root);

        assertThat(event.config()).isEqualTo(CfConfig.EMPTY);
        assertThat(event.request().clientIp()).isEqualTo("7");
        assertThat(event.request().uri()).isEmpty();
        assertThat(event.request().header("accept")).isEqualTo("x");
        assertThat(event.request().headers().entries("accept").get(0).key()).isEqualTo("Accept");
        assertThat(event.request().headers().contains("bad")).isFalse();
        assertThat(event.request().body()).isNull();
    }

    @Test
    void input_without_a_request_is_malformed() {
        assertThatThrownBy(() -> CfEvent.fromJson(Map.of("Records", List.of())))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CfEvent.fromJson(Map.of("Records", List.of(Map.of("cf", Map.of())))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("request");
        assertThat(CfEvent.rawRequest(null)).isNull();
    }

    @Test
    void headers_are_replaced_added_and_stripped_by_prefix_without_changing_the_original() {
        CfHeaders headers = CfHeaders.empty().with("X-Edgeward-Action", "block").with("Accept", "*/*");

        CfHeaders stripped = headers.withoutPrefix("x-edgeward-");

        assertThat(stripped.names()).containsExactly("accept");
        assertThat(headers.names()).containsExactly("x-edgeward-action", "accept");
        assertThat(headers.with("accept", "text/html").values("Accept")).containsExactly("text/html");
        assertThat(headers.adding("accept", "a").values("accept")).containsExactly("*/*", "a");
        assertThat(headers.without("accept").names()).containsExactly("x-edgeward-action");
        assertThat(headers.values("accept")).as("copies share entry lists, never change them").containsExactly("*/*");
    }
}
