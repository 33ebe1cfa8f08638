package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import io.edgeward.edge.core.testing.TestPorts.RecordingLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision flow with small fakes; the handler tests drive the same flow over real HTTP. */
class ViewerPolicyTest {

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp();
    private final RecordingLog log = new RecordingLog();
    private final EdgeConfig config = Configs.exampleConfig();

    @Test
    void first_request_asks_protector_with_the_edge_key_then_the_cookie_settles_it() {
        ViewerPolicy policy = policy(http);

        EdgeResult.Forward first = (EdgeResult.Forward) decide(policy, event("/", null));
        String cookie = first.request().header("x-edgeward-set-cookie");
        EdgeResult.Forward second = (EdgeResult.Forward) decide(policy, event("/", cookie.substring(0, cookie.indexOf(';'))));

        assertThat(http.calls()).hasSize(1);
        assertThat(http.calls().get(0).url()).isEqualTo("http://127.0.0.1:8081/v1/check");
        assertThat(http.calls().get(0).headers()).containsEntry("authorization", "Bearer secret-edge-key");
        assertThat(http.calls().get(0).timeoutMillis()).isEqualTo(100);
        assertThat(second.mark().cookieState()).isEqualTo("valid");
        assertThat(second.request().header("x-edgeward-set-cookie")).isNull();
    }

    @Test
    void an_unknown_action_or_unreadable_answer_fails_open() {
        http.answer(200, "{\"action\":\"tarpit\"}");
        EdgeResult.Forward unknown = (EdgeResult.Forward) decide(policy(http), event("/", null));
        http.answer(200, "not json");
        EdgeResult.Forward unreadable = (EdgeResult.Forward) decide(policy(http), event("/", null));

        assertThat(unknown.mark().action()).isEqualTo("allow");
        assertThat(unknown.mark().reason()).startsWith("fail-open: unreadable answer");
        assertThat(unreadable.mark().reason()).startsWith("fail-open: unreadable answer");
    }

    @Test
    void protectors_free_text_is_bounded_in_the_mark() {
        http.answer(200, "{\"action\":\"allow\",\"ttl\":60,\"reason\":\"" + "r".repeat(10_000)
                + "\",\"decisionId\":\"" + "d".repeat(10_000) + "\"}");

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy(http), event("/", null));

        assertThat(forward.mark().reason()).hasSize(256);
        assertThat(forward.mark().decisionId()).hasSize(128);
        assertThat(forward.request().header("x-edgeward-mark").length()).isLessThan(600);
    }

    @Test
    void the_breaker_opening_is_logged_once_without_the_key() {
        http.fail("connection refused");
        ViewerPolicy policy = policy(http);
        for (int i = 0; i < 8; i++) {
            decide(policy, event("/", null));
        }

        assertThat(http.calls()).hasSize(5);
        assertThat(log.lines).hasSize(1);
        assertThat(log.lines.get(0)).contains("breaker opened").doesNotContain("secret-edge-key");
    }

    @Test
    void a_port_that_calls_back_twice_still_yields_one_result() {
        EdgeHttp twice = (url, headers, body, timeout, callback) -> {
            callback.onResponse(200, "{\"action\":\"allow\",\"ttl\":60}");
            callback.onResponse(200, "{\"action\":\"block\",\"ttl\":60}");
            callback.onFailure("late");
        };
        List<EdgeResult> results = new ArrayList<>();

        policy(twice).handle(event("/", null), results::add);

        assertThat(results).hasSize(1);
        assertThat(((EdgeResult.Forward) results.get(0)).mark().action()).isEqualTo("allow");
    }

    @Test
    void a_port_that_throws_makes_a_passthrough_not_an_exception() {
        EdgeHttp broken = (url, headers, body, timeout, callback) -> {
            throw new IllegalStateException("broken port");
        };
        List<EdgeResult> results = new ArrayList<>();

        policy(broken).handle(event("/", null), results::add);

        assertThat(results).hasSize(1).first().isInstanceOf(EdgeResult.Passthrough.class);
    }

    @Test
    void a_stale_session_keeps_its_id_and_is_reissued_with_the_next_interval() {
        ViewerPolicy policy = policy(http);
        EdgeResult.Forward first = (EdgeResult.Forward) decide(policy, event("/", null));
        String cookie = first.request().header("x-edgeward-set-cookie");
        clock.advanceSeconds(6);

        EdgeResult.Forward second = (EdgeResult.Forward) decide(policy, event("/", cookie.substring(0, cookie.indexOf(';'))));

        assertThat(second.mark().cookieState()).isEqualTo("stale");
        assertThat(second.mark().sessionId()).isEqualTo(first.mark().sessionId());
        assertThat(second.request().header("x-edgeward-set-cookie")).isNotEqualTo(cookie);
    }

    @Test
    void cloudfront_headers_a_viewer_sent_reach_neither_protector_nor_the_origin() {
        CfEvent forged = withHeaders(event("/", null), CfHeaders.empty().with("Host", "shop.example")
                .with("User-Agent", "Mozilla/5.0").with("CloudFront-Viewer-Country", "AQ")
                .with("CloudFront-Viewer-JA4-Fingerprint", "t13d1516h2_8daaf6152771_02713d6af862")
                .with("CloudFront-Viewer-ASN", "16509").with("X-Edgeward-Action", "allow"));

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy(http), forged);

        assertThat(http.calls().get(0).body()).doesNotContain("AQ", "t13d1516h2", "16509");
        assertThat(forward.request().header("cloudfront-viewer-country")).isNull();
        assertThat(forward.request().header("cloudfront-viewer-ja4-fingerprint")).isNull();
        assertThat(forward.request().header("x-edgeward-action")).isNull();
    }

    @Test
    void trusted_cloudfront_headers_are_passed_to_protector() {
        Map<String, Object> root = Configs.example();
        root.put("trustCloudFrontHeaders", true);
        ViewerPolicy trusting = new ViewerPolicy(EdgeConfig.fromJson(root), TestPorts.ports(clock, http, log),
                new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1"), GeneratedResponseLog.NONE);
        CfEvent event = withHeaders(event("/", null), CfHeaders.empty().with("Host", "shop.example")
                .with("User-Agent", "Mozilla/5.0").with("CloudFront-Viewer-Country", "DE"));

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(trusting, event);

        assertThat(http.calls().get(0).body()).contains("\"country\":\"DE\"");
        assertThat(forward.request().header("cloudfront-viewer-country")).isEqualTo("DE");
    }

    private static CfEvent withHeaders(CfEvent event, CfHeaders headers) {
        return new CfEvent(event.config(), event.request().withHeaders(headers), null);
    }

    private ViewerPolicy policy(EdgeHttp port) {
        EdgePorts ports = TestPorts.ports(clock, http, log);
        EdgePorts withHttp = new EdgePorts(ports.clock(), ports.randomness(), ports.digest(), ports.json(), port,
                ports.log());
        return new ViewerPolicy(config, withHttp, new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1"),
                GeneratedResponseLog.NONE);
    }

    private static EdgeResult decide(ViewerPolicy policy, CfEvent event) {
        List<EdgeResult> results = new ArrayList<>();
        policy.handle(event, results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static CfEvent event(String uri, String cookie) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", "Mozilla/5.0");
        if (cookie != null) {
            headers = headers.with("Cookie", cookie);
        }
        CfRequest request = new CfRequest("203.0.113.7", "GET", uri, "", headers, null, null);
        return new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null);
    }
}
