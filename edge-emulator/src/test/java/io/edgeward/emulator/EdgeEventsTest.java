package io.edgeward.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EdgeEventsTest {

    private final EdgeEvents distribution = EdgeEvents.forDistribution("d1.cloudfront.net", "E1",
            EdgeEvents.INCLUDE_BODY_LIMIT, URI.create("https://origin.example/base/"), Duration.ofSeconds(30));

    @Test
    void a_body_over_the_include_body_limit_is_cut_and_marked_truncated() {
        byte[] body = new byte[EdgeEvents.INCLUDE_BODY_LIMIT + 1];
        JsonNode req = cf(distribution.viewerRequest(request("POST", body))).get("request");

        assertThat(req.at("/body/inputTruncated").asBoolean()).isTrue();
        assertThat(req.at("/body/action").asText()).isEqualTo("read-only");
        assertThat(Base64.getDecoder().decode(req.at("/body/data").asText())).hasSize(EdgeEvents.INCLUDE_BODY_LIMIT);
    }

    @Test
    void a_post_without_a_body_still_carries_an_empty_body_object() {
        JsonNode req = cf(distribution.viewerRequest(request("POST", new byte[0]))).get("request");

        assertThat(req.at("/body/inputTruncated").asBoolean()).isFalse();
        assertThat(req.at("/body/data").asText()).isEmpty();
    }

    @Test
    void origin_facing_events_carry_the_custom_origin_and_status_is_a_string() {
        JsonNode cf = cf(distribution.originResponse(request("GET", new byte[0]),
                new EdgeResponse(404, "Not Found", EventHeaders.empty(), new byte[0])));

        assertThat(cf.at("/config/eventType").asText()).isEqualTo(EdgeEvents.ORIGIN_RESPONSE);
        assertThat(cf.at("/request/origin/custom/domainName").asText()).isEqualTo("origin.example");
        assertThat(cf.at("/request/origin/custom/port").asInt()).isEqualTo(443);
        assertThat(cf.at("/request/origin/custom/path").asText()).isEqualTo("/base");
        assertThat(cf.at("/response/status").isTextual()).isTrue();
        assertThat(cf.at("/response/status").asText()).isEqualTo("404");
    }

    @Test
    void behind_cloudfront_the_distribution_name_is_the_host_and_errors_go_to_origin_response() {
        EdgeEvents inline = EdgeEvents.behindCloudFront("INLINE", "inline-inspector");
        EdgeRequest request = request("GET", new byte[0]);

        JsonNode error = cf(inline.shipperEvent(request, new EdgeResponse(500, "", null, null)));
        JsonNode ok = cf(inline.shipperEvent(request, new EdgeResponse(200, "", null, null)));

        assertThat(error.at("/config/distributionDomainName").asText()).isEqualTo("shop.example");
        assertThat(error.at("/config/eventType").asText()).isEqualTo(EdgeEvents.ORIGIN_RESPONSE);
        assertThat(error.at("/request/origin").isMissingNode()).isTrue();
        assertThat(ok.at("/config/eventType").asText()).isEqualTo(EdgeEvents.VIEWER_RESPONSE);
        EdgeRequest hostless = new EdgeRequest("r", "192.0.2.1", "GET", "/", "", null, null);
        assertThat(cf(inline.viewerRequest(hostless)).at("/config/distributionDomainName").asText())
                .isEqualTo("inline-inspector");
    }

    private static EdgeRequest request(String method, byte[] body) {
        return new EdgeRequest("req-1", "198.51.100.7", method, "/cart", "", EventHeaders.empty()
                .with("host", "shop.example"), body);
    }

    private static JsonNode cf(JsonNode event) {
        return event.get("Records").get(0).get("cf");
    }
}
