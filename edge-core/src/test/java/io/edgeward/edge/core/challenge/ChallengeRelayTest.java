package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.block.KnownBlocks;
import io.edgeward.edge.core.config.BlockConfig;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.Action;
import io.edgeward.edge.core.decision.ProtectorAnswer;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.protector.ProtectorClient;
import io.edgeward.edge.core.protector.TokenBucket;
import io.edgeward.edge.core.response.MitigationResponses;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge side of the verify endpoint, with a scripted Protector (the local stack tests drive it for real). */
class ChallengeRelayTest {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140";
    static final String TOKEN = ChallengePageTest.TOKEN;

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp();
    private final TestPorts.RecordingLog log = new TestPorts.RecordingLog();
    private final EdgeConfig config = Configs.exampleConfig();
    private final EdgePorts ports = TestPorts.ports(clock, http, log);
    private final SessionCookieCodec cookies = new SessionCookieCodec(config.cookie(),
            new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1"), TestPorts::sha256);
    private final List<CfResponse> logged = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(5, 30_000, clock);
    private final KnownBlocks blocks = new KnownBlocks(BlockConfig.defaults());
    private final ChallengeResponses challengeResponses = new ChallengeResponses(ports.json(), ChallengePage.defaults());
    private final ChallengeRelay verifier = new ChallengeRelay(config.checkInterval(), 3000, ports, cookies,
            challengeResponses, new MitigationResponses(ports.json(), challengeResponses),
            new ProtectorClient(config.protector(), http, ports.json(), breaker, new TokenBucket(200, 400, clock),
                    log), blocks, (request, response, mark) -> logged.add(response));
    private final Session session = cookies.newSession(UA, 1_795_000_000L, ports.randomness());

    @Test
    void a_passed_challenge_upgrades_the_cookie_and_returns_the_visitor_with_303() {
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/products/7?q=a\"}");

        EdgeResult.Respond result = verify("token=" + TOKEN + "&answer=4711", "text/html");

        assertThat(result.response().status()).isEqualTo(303);
        assertThat(result.response().header("location")).isEqualTo("/products/7?q=a");
        assertThat(result.response().header("cache-control")).isEqualTo("no-store");
        assertThat(result.mark().action()).isEqualTo("allow");
        assertThat(result.mark().reason()).isEqualTo("challenge.passed");
        String cookie = result.response().header("set-cookie");
        CookieRead upgraded = cookies.read(List.of(cookie.substring(0, cookie.indexOf(';'))), UA, 1_795_000_000L);
        assertThat(upgraded.state()).isEqualTo(CookieState.VALID);
        assertThat(upgraded.session().id()).isEqualTo(session.id());
        assertThat(upgraded.session().challengePassedAt()).isEqualTo(1_795_000_000L);
        assertThat(upgraded.session().checkedUntil()).isEqualTo(1_795_000_005L);
        assertThat(upgraded.session().challengePasses()).isEqualTo(1);
        assertThat(logged).hasSize(1);
    }

    @Test
    void every_passed_challenge_counts_one_more_pass_in_the_cookie() {
        Session twice = new Session(session.id(), session.issuedAt(), session.expiresAt(), session.checkedUntil(), 3,
                1_794_999_000L, session.userAgentHash(), 2, 0, null, null);
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify(twice, "token=" + TOKEN + "&answer=1", "text/html");

        String cookie = result.response().header("set-cookie");
        Session upgraded = cookies.read(List.of(cookie.substring(0, cookie.indexOf(';'))), UA, 1_795_000_000L)
                .session();
        assertThat(upgraded.challengePasses()).isEqualTo(3);
        assertThat(upgraded.challengePassedAt()).isEqualTo(1_795_000_000L);
        assertThat(result.mark().challengePasses()).isEqualTo(2);
    }

    @Test
    void verify_never_lifts_a_cookie_carried_block() {
        Session blocked = session.blocked(1_795_000_300L, "session", null);
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify(blocked, "token=" + TOKEN + "&answer=1", "text/html");

        assertThat(http.calls()).as("Protector is not even asked").isEmpty();
        assertThat(result.response().status()).isEqualTo(403);
        assertThat(result.response().header("x-edgeward-action")).isEqualTo("block");
        assertThat(result.response().header("set-cookie")).as("the cookie is never upgraded").isNull();
        assertThat(result.mark().action()).isEqualTo("block");
        assertThat(logged).hasSize(1);
    }

    @Test
    void blocked_address_in_the_cache_cannot_verify_its_way_out_with_a_clean_cookie() {
        blocks.remember(new ProtectorAnswer(Action.BLOCK, 0, "ip on blocklist", "d-1", null, "ip", 1_795_000_600L),
                session, "203.0.113.7", 1_795_000_000L);
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify("token=" + TOKEN + "&answer=1", "text/html");

        assertThat(http.calls()).isEmpty();
        assertThat(result.response().header("x-edgeward-action")).isEqualTo("block");
        assertThat(result.response().header("set-cookie")).isNull();
    }

    @Test
    void a_block_carried_for_another_address_does_not_stop_this_one_from_verifying() {
        Session blockedElsewhere = session.blocked(1_795_000_300L, "ip", "198.51.100.9");
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify(blockedElsewhere, "token=" + TOKEN + "&answer=1", "text/html");

        assertThat(result.response().status()).isEqualTo(303);
    }

    @Test
    void a_carried_block_that_ran_out_no_longer_refuses() {
        Session expired = session.blocked(1_794_999_999L, "session", null);
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify(expired, "token=" + TOKEN + "&answer=1", "text/html");

        assertThat(result.response().status()).isEqualTo(303);
    }

    @Test
    void verify_is_relayed_through_the_check_breaker_so_an_open_breaker_answers_at_once() {
        for (int i = 0; i < 5; i++) {
            breaker.onFailure();
        }

        EdgeResult.Respond result = verify("token=" + TOKEN + "&answer=1", "text/html");

        assertThat(http.calls()).as("no call while the breaker is open").isEmpty();
        assertThat(result.response().status()).isEqualTo(303);
        assertThat(result.mark().reason()).isEqualTo("challenge.unverified: breaker-open");
    }

    @Test
    void failing_verifications_open_the_breaker_checks_share() {
        http.fail("timeout");
        for (int i = 0; i < 5; i++) {
            verify("token=" + TOKEN + "&answer=1", "text/html");
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(http.calls()).hasSize(5);
    }

    @Test
    void a_rejected_answer_is_protector_up_and_keeps_the_breaker_closed() {
        http.answer(400, "{\"error\":\"bad_request\",\"detail\":\"no token\"}");
        for (int i = 0; i < 6; i++) {
            verify("token=" + TOKEN + "&answer=1", "text/html");
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void protector_gets_the_answer_with_the_visitor_binding_and_the_edge_key() {
        http.answer(200, "{\"ok\":false,\"reason\":\"wrong_answer\"}");

        verify("token=" + TOKEN + "&answer=4711", "text/html");

        ScriptedHttp.Call call = http.calls().get(0);
        assertThat(call.url()).isEqualTo("http://127.0.0.1:8081/v1/challenge/verify");
        assertThat(call.headers()).containsEntry("authorization", "Bearer secret-edge-key");
        assertThat(ports.json().parseObject(call.body())).containsEntry("token", TOKEN).containsEntry("answer", "4711")
                .containsEntry("clientIp", "203.0.113.7").containsEntry("userAgent", UA)
                .containsEntry("sessionId", session.id());
        assertThat(call.timeoutMillis()).isEqualTo(3000);
    }

    @Test
    void a_json_client_gets_json_on_success() {
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"/app\"}");

        EdgeResult.Respond result = verify("{\"token\":\"" + TOKEN + "\",\"answer\":\"1\"}", "application/json");

        assertThat(result.response().status()).isEqualTo(200);
        assertThat(ports.json().parseObject(result.response().body())).containsEntry("ok", true)
                .containsEntry("returnTo", "/app");
        assertThat(result.response().header("set-cookie")).startsWith("__Host-ew=");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_rejected_answer_gets_the_fresh_challenge_protector_issued() {
        String fresh = "eyJhbGciOiJIUzI1NiJ9.eyJmcmVzaCI6dHJ1ZX0.ZnJlc2g";
        http.answer(200, "{\"ok\":false,\"reason\":\"wrong_answer\",\"returnTo\":\"/p\",\"challenge\":{\"token\":\""
                + fresh + "\",\"provider\":\"pow\",\"difficulty\":18,\"siteKey\":null}}");

        EdgeResult.Respond html = verify("token=" + TOKEN + "&answer=1", "text/html");
        EdgeResult.Respond json = verify("{\"token\":\"" + TOKEN + "\",\"answer\":\"1\"}", "application/json");

        assertThat(html.response().status()).isEqualTo(403);
        assertThat(html.response().body()).contains("value=\"" + fresh + "\"").contains("role=\"alert\"");
        assertThat(html.response().header("set-cookie")).isNull();
        assertThat(html.mark().action()).isEqualTo("challenge");
        assertThat(html.mark().reason()).isEqualTo("challenge.failed:wrong_answer");
        Map<String, Object> envelope = ports.json().parseObject(json.response().body());
        assertThat(envelope).containsEntry("action", "challenge").containsEntry("ok", false)
                .containsEntry("challengeUrl", "https://shop.example/p")
                .containsEntry("reason", "challenge.failed:wrong_answer");
        assertThat((Map<String, Object>) envelope.get("challenge")).containsEntry("token", fresh)
                .containsEntry("verifyUrl", "/.edgeward/challenge/verify");
    }

    @Test
    void success_for_another_session_is_not_trusted() {
        http.answer(200, "{\"ok\":true,\"sessionId\":\"someone-else\",\"returnTo\":\"/\"}");

        EdgeResult.Respond result = verify("token=" + TOKEN + "&answer=1", "text/html");

        assertThat(result.response().status()).isEqualTo(403);
        assertThat(result.response().header("set-cookie")).isNull();
    }

    @Test
    void protectors_return_path_cannot_make_an_open_redirect() {
        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + session.id() + "\",\"returnTo\":\"//evil.example/x\"}");

        EdgeResult.Respond result = verify("token=" + TOKEN + "&answer=1", "text/html");

        assertThat(result.response().header("location")).isEqualTo("/");
    }

    @Test
    void without_a_session_cookie_the_answer_is_rejected_without_asking_protector() {
        EdgeResult.Respond result = (EdgeResult.Respond) handle(post("token=" + TOKEN + "&answer=1", "text/html",
                null), CookieRead.rejected(CookieState.NONE));

        assertThat(http.calls()).isEmpty();
        assertThat(result.response().status()).isEqualTo(403);
        assertThat(result.mark().reason()).isEqualTo("challenge.failed:no_session");
    }

    @Test
    void an_unreadable_body_gets_a_challenge_page_not_an_error() {
        EdgeResult.Respond result = verify("answer=1", "text/html");

        assertThat(http.calls()).isEmpty();
        assertThat(result.response().status()).isEqualTo(403);
        assertThat(result.response().body()).contains("Try again");
        assertThat(result.mark().reason()).isEqualTo("challenge.failed:no_token");
    }

    @Test
    void protector_unreachable_sends_the_visitor_back_unverified() {
        http.fail("timeout");
        String token = "eyJhbGciOiJIUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"ret\":\"/cart\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";

        EdgeResult.Respond result = verify("token=" + token + "&answer=1", "text/html");

        assertThat(result.response().status()).isEqualTo(303);
        assertThat(result.response().header("location")).isEqualTo("/cart");
        assertThat(result.response().header("set-cookie")).isNull();
        assertThat(result.mark().reason()).startsWith("challenge.unverified");
        assertThat(log.lines).singleElement().asString().doesNotContain("secret-edge-key");
    }

    @Test
    void a_get_is_not_allowed() {
        CfRequest get = new CfRequest("203.0.113.7", "GET", ChallengeRelay.VERIFY_PATH, "",
                CfHeaders.empty().with("Host", "shop.example"), null, null);

        EdgeResult.Respond result = (EdgeResult.Respond) handle(get, readSession());

        assertThat(result.response().status()).isEqualTo(405);
        assertThat(result.response().header("allow")).isEqualTo("POST");
    }

    private EdgeResult.Respond verify(String body, String accept) {
        return verify(session, body, accept);
    }

    private EdgeResult.Respond verify(Session current, String body, String accept) {
        String cookie = cookies.setCookie(current, 1_795_000_000L);
        CfRequest request = post(body, accept, cookie.substring(0, cookie.indexOf(';')));
        return (EdgeResult.Respond) handle(request, new CookieRead(CookieState.STALE, current));
    }

    private CookieRead readSession() {
        return new CookieRead(CookieState.STALE, session);
    }

    private EdgeResult handle(CfRequest request, CookieRead read) {
        EdgeResult[] out = new EdgeResult[1];
        CfEvent event = new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null);
        verifier.handle(ViewerRequest.from(event, request), Mode.MITIGATE, read, result -> out[0] = result);
        return out[0];
    }

    private static CfRequest post(String body, String accept, String cookie) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", UA)
                .with("Accept", accept)
                .with("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        if (cookie != null) {
            headers = headers.with("Cookie", cookie);
        }
        String data = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return new CfRequest("203.0.113.7", "POST", ChallengeRelay.VERIFY_PATH, "", headers,
                new RequestBody(false, "read-only", "base64", data), null);
    }
}
