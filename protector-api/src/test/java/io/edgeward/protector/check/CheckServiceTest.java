package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.ScopeValues;
import io.edgeward.protector.goodbots.GoodBotSettings;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.policy.Policy;
import io.edgeward.protector.policy.PolicyLoader;
import io.edgeward.protector.support.FakeDns;
import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The check order and the shipped default policy, against an in-memory store and a fake DNS. */
class CheckServiceTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock);
    private final FakeDns dns = new FakeDns();
    private final Policy policy = PolicyLoader.loadDefault();
    private final GoodBotVerifier goodBots = new GoodBotVerifier(policy.goodBots(), dns, clock, GoodBotSettings.defaults());
    private final CheckService service = new CheckService(store, goodBots, policy.requestRules(), clock, Duration.ofSeconds(60));
    private int ids;

    @AfterEach
    void stopVerifier() {
        goodBots.close();
    }

    static Map<String, String> browserHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        h.put("accept-language", "de-DE,de;q=0.9,en;q=0.8");
        h.put("accept-encoding", "gzip, deflate, br");
        h.put("sec-fetch-mode", "navigate");
        return h;
    }

    static CheckRequest request(String ip, String userAgent, Map<String, String> headers) {
        return new CheckRequest(ip, userAgent, "sess-1", "none", false, "shop.example", "GET", "/products/7", null,
                "DE", null, "t13d1516h2_8daaf6152771_02713d6af862", null, headers);
    }

    static CheckRequest browser(String ip) {
        return request(ip, CHROME, browserHeaders());
    }

    private Decision store(ListKind list, Scope scope, String value, Action action, Duration ttl) {
        Decision d = new Decision("id" + (++ids), list, scope, ScopeValues.canonical(scope, value), action, "because",
                "admin", clock.instant(), clock.instant().plus(ttl));
        store.put(d);
        return d;
    }

    @Test
    void a_normal_browser_request_is_allowed_for_the_configured_ttl() {
        CheckResult r = service.check(browser("203.0.113.7"));
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.ttl()).isEqualTo(60);
        assertThat(r.decisionId()).isNull();
    }

    @Test
    void each_scope_matches_its_decision() {
        record Case(Scope scope, String value, CheckRequest matching) {
        }
        String ua = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        CheckRequest base = request("192.0.2.10", ua, browserHeaders());
        var cases = java.util.List.of(
                new Case(Scope.IP, "198.51.100.7", browser("198.51.100.7")),
                new Case(Scope.CIDR, "100.64.0.0/10", browser("100.64.3.4")),
                new Case(Scope.CIDR, "2001:db8:aa::/48", browser("2001:db8:aa:1::5")),
                new Case(Scope.SESSION, "sess-42", new CheckRequest("192.0.2.10", ua, "sess-42", "stale", false, "shop.example",
                        "GET", "/", null, null, null, null, null, browserHeaders())),
                new Case(Scope.JA4, "t13d0000h1_aaaaaaaaaaaa_bbbbbbbbbbbb", new CheckRequest("192.0.2.10", ua, null, "none", false,
                        "shop.example", "GET", "/", null, null, null, "t13d0000h1_aaaaaaaaaaaa_bbbbbbbbbbbb", null, browserHeaders())),
                new Case(Scope.USER_AGENT, "EvilScraper/1.0 (compatible)", request("192.0.2.10", "EvilScraper/1.0 (compatible)", browserHeaders())),
                new Case(Scope.COUNTRY, "KP", new CheckRequest("192.0.2.10", ua, null, "none", false, "shop.example", "GET", "/",
                        null, "kp", null, null, null, browserHeaders())),
                new Case(Scope.ASN, "AS64500", new CheckRequest("192.0.2.10", ua, null, "none", false, "shop.example", "GET", "/",
                        null, null, null, null, "64500", browserHeaders())));
        for (Case c : cases) {
            assertThat(service.check(c.matching()).action()).as("before %s", c.scope()).isEqualTo(Action.ALLOW);
            Decision d = store(ListKind.DECISION, c.scope(), c.value(), Action.BLOCK, Duration.ofMinutes(10));
            CheckResult r = service.check(c.matching());
            assertThat(r.action()).as("scope %s", c.scope()).isEqualTo(Action.BLOCK);
            assertThat(r.decisionId()).isEqualTo(d.id());
            assertThat(r.reason()).isEqualTo("because");
            assertThat(service.check(base).action()).as("unrelated request after %s", c.scope()).isEqualTo(Action.ALLOW);
            store.remove(d.key());
        }
    }

    @Test
    void an_allowlist_entry_wins_over_a_block() {
        store(ListKind.DECISION, Scope.IP, "198.51.100.7", Action.BLOCK, Duration.ofMinutes(10));
        Decision allow = store(ListKind.ALLOWLIST, Scope.CIDR, "198.51.100.0/24", Action.ALLOW, Duration.ofHours(1));
        CheckResult r = service.check(request("198.51.100.7", "curl/8.5.0", Map.of()));
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.decisionId()).isEqualTo(allow.id());
    }

    @Test
    void a_decision_stops_applying_when_it_expires() {
        store(ListKind.DECISION, Scope.IP, "198.51.100.7", Action.BLOCK, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9).plusSeconds(30));
        CheckResult before = service.check(browser("198.51.100.7"));
        assertThat(before.action()).isEqualTo(Action.BLOCK);
        assertThat(before.ttl()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(30));
        assertThat(service.check(browser("198.51.100.7")).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void an_allow_answer_is_never_reused_past_the_allowlist_entry_expiry() {
        store(ListKind.ALLOWLIST, Scope.IP, "198.51.100.7", Action.ALLOW, Duration.ofSeconds(20));
        assertThat(service.check(browser("198.51.100.7")).ttl()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl/8.5.0", "python-requests/2.32.3", "Go-http-client/1.1",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"})
    void automation_user_agents_are_challenged_at_their_first_request(String userAgent) {
        CheckResult r = service.check(request("203.0.113.7", userAgent, browserHeaders()));
        assertThat(r.action()).isEqualTo(Action.CHALLENGE);
        assertThat(r.reason()).isEqualTo("automation or HTTP library user agent");
    }

    @Test
    void an_html_navigation_without_accept_language_is_challenged() {
        Map<String, String> headers = browserHeaders();
        headers.remove("accept-language");
        CheckResult r = service.check(request("203.0.113.7", CHROME, headers));
        assertThat(r.action()).isEqualTo(Action.CHALLENGE);
        assertThat(r.reason()).isEqualTo("browser navigation without accept-language");
    }

    @Test
    void a_json_api_call_without_accept_language_is_not_a_navigation() {
        CheckResult r = service.check(request("203.0.113.7", CHROME, Map.of("accept", "application/json")));
        assertThat(r.action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_request_without_user_agent_is_challenged() {
        assertThat(service.check(request("203.0.113.7", null, browserHeaders())).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_visitor_who_passed_a_challenge_is_not_challenged_again() {
        Map<String, String> headers = browserHeaders();
        headers.remove("accept-language");
        CheckRequest passed = new CheckRequest("203.0.113.7", CHROME, "s", "stale", true, "shop.example", "GET", "/",
                null, null, null, null, null, headers);
        assertThat(service.check(passed).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_bot_in_a_listed_cidr_is_allowed_at_once_without_dns() {
        CheckResult r = service.check(request("66.249.66.1", GOOGLEBOT, Map.of("accept", "text/html")));
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.reason()).isEqualTo("goodbot:googlebot");
        assertThat(dns.reverseLookups).hasValue(0);
    }

    @Test
    void a_bot_verified_by_forward_confirmed_reverse_dns_is_never_challenged() {
        dns.confirmed("157.55.39.1", "msnbot-157-55-39-1.search.msn.com");
        store(ListKind.DECISION, Scope.IP, "157.55.39.1", Action.CHALLENGE, Duration.ofMinutes(10));
        CheckRequest bot = request("157.55.39.1", BINGBOT, Map.of("accept", "*/*"));
        await().untilAsserted(() -> assertThat(service.check(bot).reason()).isEqualTo("goodbot:bingbot"));
        assertThat(service.check(bot).action()).isEqualTo(Action.ALLOW);
        assertThat(dns.reverseLookups).hasValue(1);
    }

    @Test
    void a_bot_whose_forward_lookup_does_not_confirm_is_blocked_as_an_impostor() {
        dns.ptr("203.0.113.50", "crawl.search.msn.com").a("crawl.search.msn.com", "157.55.39.2");
        CheckRequest bot = request("203.0.113.50", BINGBOT, browserHeaders());
        await().untilAsserted(() -> assertThat(service.check(bot).reason()).isEqualTo("goodbot.impostor:bingbot"));
        assertThat(service.check(bot).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void a_googlebot_impostor_is_blocked_once_verification_fails_and_answered_as_before_while_pending() {
        dns.confirmed("203.0.113.66", "host-66.example.net");
        CheckRequest impostor = request("203.0.113.66", GOOGLEBOT, browserHeaders());
        CheckResult first = service.check(impostor);
        assertThat(first.action()).as("answered by the other rules while DNS runs").isEqualTo(Action.ALLOW);
        assertThat(first.ttl()).isEqualTo(CheckService.PENDING_TTL.toSeconds());
        await().untilAsserted(() -> assertThat(service.check(impostor).action()).isEqualTo(Action.BLOCK));
        CheckResult blocked = service.check(impostor);
        assertThat(blocked.reason()).isEqualTo("goodbot.impostor:googlebot");
        assertThat(blocked.blockScope()).as("about the claim, not the address").isNull();
        assertThat(blocked.blockUntil()).as("nothing for the edge to carry").isEqualTo(clock.instant().getEpochSecond());
        assertThat(service.check(request("203.0.113.66", CHROME, browserHeaders())).action())
                .as("a browser on the same (shared) address").isEqualTo(Action.ALLOW);
    }

    @Test
    void a_failed_verification_is_retried_after_the_negative_ttl() {
        CheckRequest bot = request("157.55.39.9", BINGBOT, browserHeaders());
        await().untilAsserted(() -> assertThat(service.check(bot).action()).isEqualTo(Action.BLOCK));
        dns.confirmed("157.55.39.9", "msnbot-157-55-39-9.search.msn.com");
        clock.advance(GoodBotSettings.defaults().negativeTtl());
        await().untilAsserted(() -> assertThat(service.check(bot).reason()).isEqualTo("goodbot:bingbot"));
    }

    @Test
    void a_crawler_impostor_is_blocked_even_over_a_stored_challenge() {
        store(ListKind.DECISION, Scope.IP, "203.0.113.67", Action.CHALLENGE, Duration.ofMinutes(10));
        CheckRequest impostor = request("203.0.113.67", GOOGLEBOT, browserHeaders());
        await().untilAsserted(() -> assertThat(service.check(impostor).action()).isEqualTo(Action.BLOCK));
    }
}
