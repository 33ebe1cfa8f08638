package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
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
 * Issue 11 item 1 and issue 12: what the edge already knows about a block is enforced without Protector, also while
 * it is down; only unknown visitors fail open; a flood of cookieless checks is shed before it times out.
 */
class BlocksHoldTest {

    private static final long START = 1_795_000_000L;
    private static final String BOT_IP = "203.0.113.7";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";

    private final FakeClock clock = new FakeClock(START * 1000);
    private final ScriptedHttp http = new ScriptedHttp();
    private final RecordingLog log = new RecordingLog();
    private final HmacTokenCodec tokens = new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1");

    @Test
    void cookie_carried_block_holds_while_protector_is_down() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("session", START + 3600));
        String cookie = cookieOf(decide(policy, event("/", BOT_IP, BROWSER, null)));
        http.fail("connection refused");
        clock.advanceSeconds(60);

        EdgeResult result = decide(policy, event("/products/3", "198.51.100.20", BROWSER, cookie));

        assertThat(http.calls()).as("no call while the cookie carries the block").hasSize(1);
        assertThat(result).isInstanceOf(EdgeResult.Respond.class);
        EdgeResult.Respond respond = (EdgeResult.Respond) result;
        assertThat(respond.response().header("x-edgeward-action")).isEqualTo("block");
        assertThat(respond.mark().reason()).isEqualTo("block held (cookie, session)");
        assertThat(respond.response().header("set-cookie")).as("the carrying cookie is kept as it is").isNull();
    }

    @Test
    void a_carried_block_ends_within_carry_max_so_an_operator_unblock_takes_effect() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("session", START + 86_400));
        String cookie = cookieOf(decide(policy, event("/", BOT_IP, BROWSER, null)));
        http.answer(200, "{\"action\":\"allow\",\"ttl\":60}");
        clock.advanceSeconds(300);

        EdgeResult.Forward served = (EdgeResult.Forward) decide(policy, event("/", "198.51.100.20", BROWSER, cookie));

        assertThat(http.calls()).hasSize(2);
        assertThat(served.mark().action()).isEqualTo("allow");
    }

    @Test
    void open_breaker_still_blocks_known_blocked_addresses_and_only_unknown_visitors_fail_open() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, "curl/8.5.0", null));
        http.fail("timeout");
        for (int i = 0; i < 5; i++) {
            decide(policy, event("/", "198.51.100." + i, BROWSER, null));
        }
        assertThat(policy.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);

        EdgeResult bot = decide(policy, event("/", BOT_IP, "Mozilla/5.0 pretending", null));
        EdgeResult stranger = decide(policy, event("/", "198.51.100.99", BROWSER, null));

        assertThat(((EdgeResult.Respond) bot).response().header("x-edgeward-action")).isEqualTo("block");
        assertThat(((EdgeResult.Respond) bot).mark().reason()).isEqualTo("block held (cache, ip)");
        assertThat(((EdgeResult.Forward) stranger).mark().reason()).isEqualTo("fail-open: breaker-open");
    }

    @Test
    void a_cookie_from_before_the_block_does_not_get_a_blocked_address_in_while_protector_is_down() {
        ViewerPolicy policy = policy(Configs.example());
        String oldCookie = cookieOf(decide(policy, event("/", BOT_IP, BROWSER, null)));
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, "curl/8.5.0", null));
        http.fail("timeout");
        clock.advanceSeconds(10);

        EdgeResult replay = decide(policy, event("/", BOT_IP, BROWSER, oldCookie));

        assertThat(((EdgeResult.Respond) replay).mark().cookieState()).isEqualTo("stale");
        assertThat(((EdgeResult.Respond) replay).response().header("x-edgeward-action")).isEqualTo("block");
    }

    @Test
    void a_cookieless_bot_blocked_by_the_cache_gets_a_cookie_carrying_the_block() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, "curl/8.5.0", null));

        EdgeResult.Respond held = (EdgeResult.Respond) decide(policy, event("/x", BOT_IP, "curl/8.5.0", null));

        assertThat(http.calls()).hasSize(1);
        Session carried = codec().read(List.of(pair(held.response().header("set-cookie"))), "curl/8.5.0",
                START).session();
        assertThat(carried.blockedUntil()).isEqualTo(START + 300);
        assertThat(carried.blockScope()).isEqualTo("ip");
        assertThat(carried.blockAddress()).isEqualTo(BOT_IP);
    }

    @Test
    void a_block_in_monitor_mode_is_held_as_a_mark_and_never_enforced() {
        Map<String, Object> root = Configs.example();
        root.put("mode", "monitor");
        ViewerPolicy policy = policy(root);
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, BROWSER, null));

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy, event("/", BOT_IP, BROWSER, null));

        assertThat(forward.mark().action()).isEqualTo("block");
        assertThat(forward.mark().mode()).isEqualTo("monitor");
    }

    @Test
    void shed_cookieless_check_fails_open_without_opening_the_breaker() {
        Map<String, Object> root = Configs.example();
        Configs.section(root, "protector").put("rate", Map.of("perSecond", 1, "burst", 2));
        ViewerPolicy policy = policy(root);
        List<EdgeResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(decide(policy, event("/", "198.51.100." + i, BROWSER, null)));
        }

        assertThat(http.calls()).hasSize(2);
        assertThat(((EdgeResult.Forward) results.get(9)).mark().reason()).isEqualTo("fail-open: shed");
        assertThat(((EdgeResult.Forward) results.get(9)).request().header("x-edgeward-set-cookie"))
                .as("a shed visitor still gets a session").isNotNull();
        assertThat(policy.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
        clock.advanceSeconds(1);
        decide(policy, event("/", "198.51.100.77", BROWSER, null));
        assertThat(http.calls()).as("the bucket refills with the clock").hasSize(3);
    }

    @Test
    void a_visitor_with_a_usable_cookie_is_never_shed() {
        Map<String, Object> root = Configs.example();
        Configs.section(root, "protector").put("rate", Map.of("perSecond", 1, "burst", 1));
        ViewerPolicy policy = policy(root);
        String cookie = cookieOf(decide(policy, event("/", "198.51.100.1", BROWSER, null)));
        clock.advanceSeconds(6);
        decide(policy, event("/", "198.51.100.2", BROWSER, null));
        decide(policy, event("/", "198.51.100.3", BROWSER, null));

        EdgeResult.Forward established = (EdgeResult.Forward) decide(policy, event("/", "198.51.100.1", BROWSER,
                cookie));

        assertThat(established.mark().cookieState()).isEqualTo("stale");
        assertThat(established.mark().reason()).isNull();
        assertThat(http.calls()).hasSize(3);
    }

    @Test
    void robots_txt_is_served_to_a_blocked_client_without_a_call_and_marked() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        String cookie = cookieOf(decide(policy, event("/", BOT_IP, BROWSER, null)));

        EdgeResult.Forward robots = (EdgeResult.Forward) decide(policy, event("/robots.txt", BOT_IP, BROWSER, cookie));
        EdgeResult.Forward wellKnown = (EdgeResult.Forward) decide(policy, event("/.well-known/security.txt", BOT_IP,
                BROWSER, null));

        assertThat(http.calls()).hasSize(1);
        assertThat(robots.mark().action()).isEqualTo("allow");
        assertThat(robots.mark().reason()).isEqualTo("always-served");
        assertThat(wellKnown.mark().reason()).isEqualTo("always-served");
    }

    @Test
    void a_tricky_path_never_qualifies_as_always_served() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, BROWSER, null));

        for (String tricky : List.of("/robots.txt;/../products/3", "/.well-known/../products/3",
                "/.well-known/%2E%2E/admin", "//robots.txt", "/robots.txt%3B")) {
            EdgeResult result = decide(policy, event(tricky, BOT_IP, BROWSER, null));
            assertThat(result).as(tricky).isInstanceOf(EdgeResult.Respond.class);
        }
    }

    @Test
    void a_post_to_an_always_served_path_is_judged_like_any_request() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, BROWSER, null));
        CfEvent post = event("/.well-known/openid-token", BOT_IP, BROWSER, null);
        post = new CfEvent(post.config(), new CfRequest(BOT_IP, "POST", "/.well-known/openid-token", "",
                post.request().headers(), null, null), null);

        assertThat(decide(policy, post)).isInstanceOf(EdgeResult.Respond.class);
    }

    @Test
    void configured_feed_paths_are_always_served_and_the_defaults_can_be_replaced() {
        Map<String, Object> root = Configs.example();
        root.put("alwaysServed", List.of("/feed.xml", "/feeds/*"));
        ViewerPolicy policy = policy(root);
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, BROWSER, null));

        assertThat(decide(policy, event("/feed.xml", BOT_IP, BROWSER, null))).isInstanceOf(EdgeResult.Forward.class);
        assertThat(decide(policy, event("/feeds/news.rss", BOT_IP, BROWSER, null)))
                .isInstanceOf(EdgeResult.Forward.class);
        assertThat(decide(policy, event("/robots.txt", BOT_IP, BROWSER, null))).isInstanceOf(EdgeResult.Respond.class);
    }

    @Test
    void a_known_block_holds_on_an_excluded_asset_too() {
        ViewerPolicy policy = policy(Configs.example());
        http.answer(200, block("ip", START + 3600));
        decide(policy, event("/", BOT_IP, BROWSER, null));

        EdgeResult asset = decide(policy, event("/static/site.css", BOT_IP, BROWSER, null));

        assertThat(asset).isInstanceOf(EdgeResult.Respond.class);
    }

    @Test
    void the_check_request_carries_the_session_facts_and_header_names() {
        ViewerPolicy policy = policy(Configs.example());
        Session established = new Session("c2Vzc2lvbi0xMjM0NTY3OA", START - 600, START + 80_000, START - 1, 3,
                START - 300, codec().userAgentBinding(BROWSER), 2, 0, null, null);
        String cookie = pair(codec().setCookie(established, START));

        decide(policy, event("/products/3;.css", "198.51.100.1", BROWSER, cookie));

        Map<String, Object> check = TestPorts.json().parseObject(http.calls().get(0).body());
        assertThat(check).containsEntry("cookieState", "stale").containsEntry("challengePassed", true)
                .containsEntry("challengePassedAt", (int) (START - 300)).containsEntry("challengePasses", 2)
                .containsEntry("sessionIssuedAt", (int) (START - 600)).containsEntry("sessionGeneration", 3)
                .containsEntry("path", "/products/3").containsEntry("rawPath", "/products/3;.css")
                .containsEntry("headerNames", "host,user-agent,accept-language");
    }

    @Test
    void a_new_visitor_sends_no_session_facts_and_no_raw_path_when_it_is_already_normal() {
        ViewerPolicy policy = policy(Configs.example());

        decide(policy, event("/products/3", "198.51.100.1", BROWSER, null));

        Map<String, Object> check = TestPorts.json().parseObject(http.calls().get(0).body());
        assertThat(check).containsEntry("challengePasses", 0).containsEntry("challengePassedAt", 0)
                .doesNotContainKeys("sessionIssuedAt", "sessionGeneration", "rawPath");
    }

    @Test
    void the_mark_carries_session_facts_and_header_names_for_the_log_record() {
        ViewerPolicy policy = policy(Configs.example());

        EdgeResult.Forward forward = (EdgeResult.Forward) decide(policy, event("/", "198.51.100.1", BROWSER, null));

        assertThat(forward.mark().sessionIssuedAt()).isEqualTo(START);
        assertThat(forward.mark().challengePasses()).isZero();
        assertThat(forward.mark().headerNames()).isEqualTo("host,user-agent,accept-language");
        assertThat(forward.request().header("x-edgeward-mark")).endsWith("|" + START + "|0|host%2Cuser-agent%2Caccept-language");
    }

    private ViewerPolicy policy(Map<String, Object> root) {
        return new ViewerPolicy(EdgeConfig.fromJson(root), TestPorts.ports(clock, http, log), tokens,
                GeneratedResponseLog.NONE);
    }

    private SessionCookieCodec codec() {
        return new SessionCookieCodec(Configs.exampleConfig().cookie(), tokens, TestPorts::sha256);
    }

    private static String block(String scope, long until) {
        return "{\"action\":\"block\",\"ttl\":0,\"reason\":\"blocked\",\"decisionId\":\"d-1\",\"blockScope\":\""
                + scope + "\",\"blockUntil\":" + until + "}";
    }

    private static String cookieOf(EdgeResult result) {
        String setCookie = result instanceof EdgeResult.Respond
                ? ((EdgeResult.Respond) result).response().header("set-cookie")
                : ((EdgeResult.Forward) result).request().header("x-edgeward-set-cookie");
        return pair(setCookie);
    }

    private static String pair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static EdgeResult decide(ViewerPolicy policy, CfEvent event) {
        List<EdgeResult> results = new ArrayList<>();
        policy.handle(event, results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static CfEvent event(String uri, String clientIp, String userAgent, String cookie) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", userAgent)
                .with("Accept-Language", "en");
        if (cookie != null) {
            headers = headers.with("Cookie", cookie);
        }
        CfRequest request = new CfRequest(clientIp, "GET", uri, "", headers, null, null);
        return new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null);
    }

}
