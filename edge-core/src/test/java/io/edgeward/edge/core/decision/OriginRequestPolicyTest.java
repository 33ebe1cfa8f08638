package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
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

/**
 * The origin-request decision with small fakes. Each origin-request event is what CloudFront sends after our own
 * viewer-request function ran: the request that function forwarded, plus the CloudFront-Viewer-* headers.
 */
class OriginRequestPolicyTest {

    private static final String JA4 = "t13d1516h2_8daaf6152771_02713d6af862";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";
    private static final String BLOCK = "{\"action\":\"block\",\"ttl\":0,\"reason\":\"ja4:blocked\",\"decisionId\":\"d-1\"}";
    private static final String CHALLENGE = "{\"action\":\"challenge\",\"ttl\":0,\"reason\":\"ja4:challenged\","
            + "\"decisionId\":\"d-2\"}";

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp();
    private final RecordingLog log = new RecordingLog();
    private final EdgeConfig config = Configs.exampleConfig();
    private final HmacTokenCodec tokens = new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1");
    private final List<RequestMark> generated = new ArrayList<>();

    @Test
    void a_ja4_block_answer_becomes_the_same_generated_block_response_and_is_logged() {
        http.answer(200, BLOCK);

        EdgeResult.Respond respond = (EdgeResult.Respond) decide(policy(http), originEvent("/products/6", null));

        CfResponse response = respond.response();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().first("x-edgeward-action")).isEqualTo("block");
        assertThat(response.headers().first("cache-control")).isEqualTo("no-store");
        assertThat(response.body()).contains("<html");
        assertThat(respond.mark().action()).isEqualTo("block");
        assertThat(respond.mark().decisionId()).isEqualTo("d-1");
        assertThat(generated).extracting(RequestMark::action).containsExactly("block");
    }

    @Test
    void the_check_asks_only_about_the_scopes_cloudfront_shows_after_viewer_request() {
        decide(policy(http), originEvent("/products/6", null));

        String body = http.calls().get(0).body();
        assertThat(body).startsWith("{\"scopes\":[\"ja4\",\"ja3\",\"country\",\"asn\"],")
                .contains("\"ja4\":\"" + JA4 + "\"", "\"country\":\"DE\"", "\"asn\":\"64500\"");
        assertThat(TestPorts.json().parseObject(body)).containsEntry("path", "/products/6");
        assertThat(http.calls().get(0).url()).isEqualTo("http://127.0.0.1:8081/v1/check");
        assertThat(http.calls().get(0).timeoutMillis()).isEqualTo(100);
    }

    @Test
    void the_check_carries_the_session_the_viewer_request_function_issued() {
        CfEvent event = originEvent("/products/6", null);
        String issued = cookiePair(event.request().header("x-edgeward-set-cookie"));

        decide(policy(http), event);

        Map<String, Object> body = TestPorts.json().parseObject(http.calls().get(0).body());
        assertThat(body).containsEntry("cookieState", "none").containsEntry("challengePassed", false);
        assertThat(body.get("sessionId")).isEqualTo(sessionOf(issued).id());
    }

    @Test
    void an_allow_answer_forwards_the_request_unchanged() {
        CfEvent event = originEvent("/products/6", null);

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy(http), event);

        assertThat(forward.request()).isEqualTo(event.request());
        assertThat(generated).isEmpty();
    }

    @Test
    void a_challenge_answer_becomes_the_challenge_page_keeping_the_issued_cookie() {
        http.answer(200, CHALLENGE);
        CfEvent event = originEvent("/products/6", null);

        EdgeResult.Respond respond = (EdgeResult.Respond) decide(policy(http), event);

        assertThat(respond.response().status()).isEqualTo(403);
        assertThat(respond.response().headers().first("x-edgeward-action")).isEqualTo("challenge");
        assertThat(respond.response().headers().first("set-cookie"))
                .isEqualTo(event.request().header("x-edgeward-set-cookie"));
        assertThat(generated).extracting(RequestMark::action).containsExactly("challenge");
    }

    @Test
    void a_visitor_who_solved_a_challenge_is_checked_as_such_so_it_is_not_challenged_on_every_miss() {
        String solved = solvedCookie();
        CfEvent event = originEvent("/products/6", solved);

        decide(policy(http), event);

        Map<String, Object> body = TestPorts.json().parseObject(http.calls().get(0).body());
        assertThat(body).containsEntry("challengePassed", true).containsEntry("cookieState", "valid");
    }

    @Test
    void a_challenge_is_not_enforced_when_the_session_cannot_be_read_here_but_a_block_is() {
        // The origin request policy forwards no User-Agent: CloudFront sends its own, so the cookie reads unbound.
        CfEvent event = withHeader(originEvent("/products/6", solvedCookie()), "User-Agent", "Amazon CloudFront");
        http.answer(200, CHALLENGE);
        OriginRequestPolicy policy = policy(http);

        EdgeResult challenged = decide(policy, event);
        http.answer(200, BLOCK);
        EdgeResult blocked = decide(policy, event);

        assertThat(challenged).isInstanceOf(EdgeResult.Forward.class);
        assertThat(blocked).isInstanceOf(EdgeResult.Respond.class);
        assertThat(log.lines).hasSize(1);
        assertThat(log.lines.get(0)).contains("not enforced");
    }

    @Test
    void a_bot_cannot_claim_a_solved_challenge_with_a_cookie_bound_to_another_user_agent() {
        CfEvent event = withHeader(originEvent("/products/6", solvedCookie()), "User-Agent", "python-requests/2.32");
        http.answer(200, CHALLENGE);

        decide(policy(http), event);

        assertThat(TestPorts.json().parseObject(http.calls().get(0).body())).containsEntry("challengePassed", false);
    }

    @Test
    void a_request_without_cloudfront_viewer_headers_is_forwarded_without_a_call() {
        CfEvent event = viewerForwarded("/products/6", null, CfHeaders.empty());

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy(http), event);

        assertThat(http.calls()).isEmpty();
        assertThat(forward.request()).isEqualTo(event.request());
    }

    @Test
    void an_excluded_asset_is_forwarded_without_a_call() {
        decide(policy(http), originEvent("/static/app.css", null));

        assertThat(http.calls()).isEmpty();
    }

    @Test
    void inject_mode_passes_the_origin_request_decision_to_the_origin_and_never_blocks() {
        http.answer(200, BLOCK);

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy(http), originEvent("/api/orders", null));

        assertThat(forward.request().header("x-edgeward-action")).isEqualTo("block");
        assertThat(forward.request().header("x-edgeward-reason")).isEqualTo("ja4:blocked");
        assertThat(RequestMark.parse(forward.request().header("x-edgeward-mark")).action()).isEqualTo("block");
        assertThat(forward.request().header("x-edgeward-set-cookie")).isNotNull();
        assertThat(generated).isEmpty();
    }

    @Test
    void protector_errors_and_timeouts_fail_open_with_the_viewer_request_decision_unchanged() {
        CfEvent event = originEvent("/products/6", null);
        http.answer(500, "{\"error\":\"internal\"}");
        EdgeResult.Forward onError = (EdgeResult.Forward) decide(policy(http), event);
        http.fail("timeout");
        EdgeResult.Forward onTimeout = (EdgeResult.Forward) decide(policy(http), event);

        assertThat(onError.request()).isEqualTo(event.request());
        assertThat(onTimeout.request()).isEqualTo(event.request());
        assertThat(onTimeout.mark().action()).isEqualTo("allow");
    }

    @Test
    void a_hanging_protector_leaves_the_policy_undecided_for_the_handler_budget_not_blocked() {
        List<EdgeResult> results = new ArrayList<>();
        EdgeHttp hanging = (url, headers, body, timeout, callback) -> { };

        policy(hanging).handle(originEvent("/products/6", null), results::add);

        // The port owns the budget (a timeout becomes onFailure); the handlers bound the wait and pass the request.
        assertThat(results).isEmpty();
    }

    @Test
    void after_consecutive_failures_the_breaker_opens_and_requests_pass_without_calls() {
        http.fail("connection refused");
        OriginRequestPolicy policy = policy(http);
        for (int i = 0; i < 8; i++) {
            assertThat(decide(policy, originEvent("/products/" + i, null))).isInstanceOf(EdgeResult.Forward.class);
        }

        assertThat(http.calls()).hasSize(5);
        assertThat(policy.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(log.lines).hasSize(1);
        assertThat(log.lines.get(0)).contains("breaker opened").doesNotContain("secret-edge-key");
    }

    @Test
    void a_port_that_throws_makes_a_passthrough_not_an_exception() {
        List<EdgeResult> results = new ArrayList<>();
        EdgeHttp broken = (url, headers, body, timeout, callback) -> {
            throw new IllegalStateException("broken port");
        };

        policy(broken).handle(originEvent("/products/6", null), results::add);

        assertThat(results).hasSize(1).first().isInstanceOf(EdgeResult.Passthrough.class);
    }

    @Test
    void an_established_session_costs_one_scoped_check_per_interval_not_one_per_miss() {
        OriginRequestPolicy policy = policy(http);
        String cookie = solvedCookie();
        decide(policy, originEvent("/products/1", cookie));
        decide(policy, originEvent("/products/2", cookie));
        decide(policy, originEvent("/search", cookie));
        assertThat(http.calls()).hasSize(1);

        clock.advanceSeconds(61);
        decide(policy, originEvent("/products/3", cookie));

        assertThat(http.calls()).as("the check interval's maximum passed").hasSize(2);
    }

    @Test
    void a_new_visitors_answer_is_kept_for_its_issued_session_and_its_address_for_the_initial_interval() {
        OriginRequestPolicy policy = policy(http);
        CfEvent first = originEvent("/", null);
        decide(policy, first);
        String issued = cookiePair(first.request().header("x-edgeward-set-cookie"));

        decide(policy, originEvent("/products/1", issued));
        decide(policy, originEvent("/products/2", null));
        assertThat(http.calls()).hasSize(1);

        clock.advanceSeconds(6);
        decide(policy, originEvent("/products/4", null));
        assertThat(http.calls()).hasSize(2);
    }

    @Test
    void another_fingerprint_from_the_same_address_is_checked_on_its_own() {
        OriginRequestPolicy policy = policy(http);
        decide(policy, originEvent("/", null));

        decide(policy, withHeader(originEvent("/", null), "CloudFront-Viewer-JA4-Fingerprint", "t13d0000h2_x_y"));

        assertThat(http.calls()).hasSize(2);
    }

    @Test
    void a_kept_block_holds_while_protector_is_down() {
        OriginRequestPolicy policy = policy(http);
        http.answer(200, "{\"action\":\"block\",\"ttl\":600,\"reason\":\"ja4:blocked\",\"decisionId\":\"d-1\"}");
        decide(policy, originEvent("/", null));
        http.fail("connection refused");

        EdgeResult again = decide(policy, originEvent("/products/1", null));

        assertThat(again).isInstanceOf(EdgeResult.Respond.class);
        assertThat(((EdgeResult.Respond) again).response().status()).isEqualTo(403);
        assertThat(generated).hasSize(2);
    }

    @Test
    void a_challenge_answer_is_never_kept_since_its_offer_is_single_use() {
        OriginRequestPolicy policy = policy(http);
        http.answer(200, CHALLENGE);

        decide(policy, originEvent("/", null));
        decide(policy, originEvent("/", null));

        assertThat(http.calls()).hasSize(2);
    }

    @Test
    void the_answer_cache_is_bounded_and_drops_expired_entries_then_the_oldest() {
        OriginAnswerCache cache = new OriginAnswerCache(2);
        ProtectorAnswer allow = new ProtectorAnswer(Action.ALLOW, 60, null, null);
        cache.put("a", allow, 1_000, 0);
        cache.put("b", allow, 10_000, 0);
        cache.put("c", allow, 10_000, 2_000);
        assertThat(cache.get("a", 2_000)).as("expired went first").isNull();
        assertThat(cache.get("b", 2_000)).isNotNull();

        cache.put("d", allow, 10_000, 2_000);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", 2_000)).as("then the oldest").isNull();
        assertThat(cache.get("c", 2_000)).isNotNull();
        assertThat(cache.get("d", 2_000)).isNotNull();
    }

    @Test
    void the_scopes_member_is_spliced_into_any_check_body() {
        ScopedCheckHttp scoped = new ScopedCheckHttp(http, OriginRequestPolicy.SCOPES);

        assertThat(scoped.scoped("{}")).isEqualTo("{\"scopes\":[\"ja4\",\"ja3\",\"country\",\"asn\"]}");
        assertThat(TestPorts.json().parseObject(scoped.scoped("{\"a\":1}"))).containsEntry("a", 1)
                .containsEntry("scopes", List.of("ja4", "ja3", "country", "asn"));
    }

    // --- helpers ---

    private OriginRequestPolicy policy(EdgeHttp port) {
        EdgePorts ports = TestPorts.ports(clock, http, log);
        EdgePorts withHttp = new EdgePorts(ports.clock(), ports.randomness(), ports.digest(), ports.json(), port,
                ports.log());
        return new OriginRequestPolicy(config, withHttp, tokens, (request, response, mark) -> generated.add(mark));
    }

    private static EdgeResult decide(OriginRequestPolicy policy, CfEvent event) {
        List<EdgeResult> results = new ArrayList<>();
        policy.handle(event, results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    /** The origin-request event after our viewer-request function forwarded the viewer's request. */
    private CfEvent originEvent(String uri, String cookie) {
        return viewerForwarded(uri, cookie, CfHeaders.empty().with("CloudFront-Viewer-JA4-Fingerprint", JA4)
                .with("CloudFront-Viewer-Country", "DE").with("CloudFront-Viewer-ASN", "64500"));
    }

    /** Runs the real viewer-request policy (Protector allows) and adds what CloudFront adds after it. */
    private CfEvent viewerForwarded(String uri, String cookie, CfHeaders cloudFront) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", BROWSER)
                .with("Accept", "text/html");
        if (cookie != null) {
            headers = headers.with("Cookie", cookie);
        }
        CfRequest viewer = new CfRequest("203.0.113.7", "GET", uri, "", headers, null, null);
        ScriptedHttp allow = new ScriptedHttp();
        EdgePorts ports = TestPorts.ports(clock, allow, new RecordingLog());
        List<EdgeResult> results = new ArrayList<>();
        new ViewerPolicy(config, ports, tokens, GeneratedResponseLog.NONE).handle(
                new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), viewer, null),
                results::add);
        CfRequest forwarded = ((EdgeResult.Forward) results.get(0)).request();
        CfHeaders withCloudFront = forwarded.headers();
        for (String name : cloudFront.names()) {
            withCloudFront = withCloudFront.with(name, cloudFront.first(name));
        }
        return new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "origin-request", "req-1"),
                forwarded.withHeaders(withCloudFront), null);
    }

    private static CfEvent withHeader(CfEvent event, String key, String value) {
        return new CfEvent(event.config(), event.request().withHeader(key, value), null);
    }

    private String solvedCookie() {
        SessionCookieCodec codec = new SessionCookieCodec(config.cookie(), tokens, TestPorts::sha256);
        long now = clock.nowMillis() / 1000;
        Session fresh = codec.newSession(BROWSER, now, count -> new byte[count]);
        Session solved = new Session(fresh.id(), fresh.issuedAt(), fresh.expiresAt(), now + 60, 1, now - 30,
                fresh.userAgentHash());
        return cookiePair(codec.setCookie(solved, now));
    }

    private Session sessionOf(String cookiePair) {
        SessionCookieCodec codec = new SessionCookieCodec(config.cookie(), tokens, TestPorts::sha256);
        return codec.read(List.of(cookiePair), BROWSER, clock.nowMillis() / 1000).session();
    }

    private static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
