package io.edgeward.edge.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.ChallengeConfig;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.testing.TestPorts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MitigationResponsesTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private final MitigationResponses responses = new MitigationResponses(TestPorts.json(), ChallengeConfig.defaults());

    @Test
    void html_only_for_clients_that_name_it() {
        assertThat(Html.wantedBy(BROWSER_ACCEPT)).isTrue();
        assertThat(Html.wantedBy("*/*")).isFalse();
        assertThat(Html.wantedBy("application/json")).isFalse();
        assertThat(Html.wantedBy(null)).isFalse();
    }

    @Test
    void block_is_a_403_page_that_is_never_cached_and_sets_the_cookie() {
        CfResponse block = responses.block(request("/", "", BROWSER_ACCEPT), "ip on blocklist", "__Host-ew=x; Path=/");

        assertThat(block.status()).isEqualTo(403);
        assertThat(block.header("x-edgeward-action")).isEqualTo("block");
        assertThat(block.header("cache-control")).isEqualTo("no-store");
        assertThat(block.header("set-cookie")).isEqualTo("__Host-ew=x; Path=/");
        assertThat(block.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(block.body()).contains("Access denied").contains("req-1").doesNotContain("ip on blocklist");
        assertThat(block.toJson()).containsEntry("status", "403").containsEntry("bodyEncoding", "text");
    }

    @Test
    void block_for_an_api_client_is_a_json_envelope() {
        CfResponse block = responses.block(request("/api", "", "*/*"), "ip on blocklist", null);

        assertThat(block.header("content-type")).isEqualTo("application/json");
        assertThat(TestPorts.json().parseObject(block.body())).containsEntry("action", "block")
                .containsEntry("reason", "ip on blocklist").containsEntry("requestId", "req-1");
        assertThat(block.headers().contains("set-cookie")).isFalse();
    }

    @Test
    void challenge_envelope_points_at_the_visitors_own_url() {
        CfResponse challenge = responses.challenge(request("/products/7", "q=shoes&page=2", "application/json"),
                "automation user agent", null);

        Map<String, Object> envelope = TestPorts.json().parseObject(challenge.body());
        assertThat(challenge.status()).isEqualTo(403);
        assertThat(challenge.header("x-edgeward-action")).isEqualTo("challenge");
        assertThat(challenge.header("cache-control")).isEqualTo("no-store");
        assertThat(envelope).containsEntry("action", "challenge")
                .containsEntry("challengeUrl", "https://shop.example/products/7?q=shoes&page=2")
                .containsEntry("reason", "automation user agent");
    }

    @Test
    void challenge_page_escapes_what_the_viewer_sent() {
        CfResponse challenge = responses.challenge(request("/\"><script>alert(1)</script>", "", BROWSER_ACCEPT),
                "r", null);

        assertThat(challenge.body()).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("Try again");
    }

    @Test
    void responses_stay_far_below_the_40_kb_limit_whatever_the_request() {
        String longPath = "/" + "&".repeat(20_000);
        CfResponse page = responses.challenge(request(longPath, "a=" + "<".repeat(20_000), BROWSER_ACCEPT),
                "x".repeat(50_000), null);
        CfResponse envelope = responses.challenge(request(longPath, "", "*/*"), "x".repeat(50_000), null);

        assertThat(page.body().length()).isLessThan(4096);
        assertThat(envelope.body().length()).isLessThan(4096);
        assertThat(TestPorts.json().parseObject(envelope.body())).containsEntry("challengeUrl", "https://shop.example/");
    }

    private static ViewerRequest request(String uri, String query, String accept) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("Accept", accept);
        CfRequest request = new CfRequest("203.0.113.7", "GET", uri, query, headers, null, null);
        CfEvent event = new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null);
        return ViewerRequest.from(event, request);
    }
}
