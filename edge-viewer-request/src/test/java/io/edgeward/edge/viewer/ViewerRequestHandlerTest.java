package io.edgeward.edge.viewer;

import static io.edgeward.testing.CloudFrontEvents.header;
import static io.edgeward.edge.viewer.HandlerFixture.cookiePair;
import static io.edgeward.edge.viewer.HandlerFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.jvm.NimbusTokenCodec;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.ProtectorStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewerRequestHandlerTest {

    private ProtectorStandIn protector;
    private HandlerFixture fixture;
    private ViewerRequestHandler handler;

    @BeforeEach
    void start() throws Exception {
        protector = ProtectorStandIn.start();
        fixture = new HandlerFixture();
        handler = fixture.handler(HandlerFixture.config(protector.url()));
    }

    @AfterEach
    void stop() {
        protector.close();
    }

    @Test
    void first_visit_is_checked_and_forwarded_with_a_new_session_cookie() throws Exception {
        Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(out.get("uri")).isEqualTo("/");
        String setCookie = header(out, "x-edgeward-set-cookie");
        assertThat(setCookie).startsWith("__Host-ew=").contains("; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86400");
        RequestMark mark = RequestMark.parse(header(out, "x-edgeward-mark"));
        assertThat(mark.action()).isEqualTo("allow");
        assertThat(mark.cookieState()).isEqualTo("none");
        assertThat(mark.mode()).isEqualTo("mitigate");
        assertThat(mark.sessionId()).hasSize(22).isEqualTo(protector.lastRequest().get("sessionId"));
    }

    @Test
    void protector_gets_the_contract_check_request_with_the_edge_key() throws Exception {
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "CloudFront-Viewer-Country", "DE");
        CloudFrontEvents.withRequestHeader(event, "CloudFront-Viewer-JA4-Fingerprint", "t13d1516h2_8daaf6152771_b0da82dd1658");
        CloudFrontEvents.withRequestHeader(event, "Accept-Language", "de");
        CloudFrontEvents.request(event).put("querystring", "q=shoes");

        run(handler, event);

        Map<String, Object> check = protector.lastRequest();
        assertThat(check.get("_authorization")).isEqualTo("Bearer " + ProtectorStandIn.KEY);
        assertThat(check).containsEntry("clientIp", "203.0.113.178").containsEntry("userAgent", "curl/7.66.0")
                .containsEntry("cookieState", "none").containsEntry("challengePassed", false)
                .containsEntry("host", "d111111abcdef8.cloudfront.net").containsEntry("method", "GET")
                .containsEntry("path", "/").containsEntry("query", "q=shoes")
                // At a viewer-request trigger CloudFront has not added its headers yet: these two are the viewer's.
                .containsEntry("country", null).containsEntry("ja4", null).containsEntry("ja3", null);
        assertThat(check.get("headers")).isEqualTo(Map.of("accept", "*/*", "accept-language", "de"));
    }

    @Test
    void return_visit_with_a_fresh_cookie_makes_no_protector_call() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));

        Map<String, Object> out = run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", "a=1; " + cookie));

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(header(out, "x-edgeward-set-cookie")).isNull();
        RequestMark mark = RequestMark.parse(header(out, "x-edgeward-mark"));
        assertThat(mark.cookieState()).isEqualTo("valid");
        assertThat(mark.action()).isEqualTo("allow");
    }

    @Test
    void check_interval_doubles_for_a_session_in_good_standing() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        int[] calls = new int[4];
        long[] waits = {4, 2, 9, 2};
        for (int i = 0; i < waits.length; i++) {
            fixture.clock.advance(Duration.ofSeconds(waits[i]));
            Map<String, Object> out = run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie));
            if (header(out, "x-edgeward-set-cookie") != null) {
                cookie = cookiePair(header(out, "x-edgeward-set-cookie"));
            }
            calls[i] = protector.calls();
        }

        // 5 s after the first check, then 10 s after the second: 4 s no, 6 s yes, 9 s no, 11 s yes.
        assertThat(calls).containsExactly(1, 2, 2, 3);
        assertThat(protector.lastRequest().get("cookieState")).isEqualTo("stale");
    }

    @Test
    void tampered_cookie_counts_as_no_cookie() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        String sessionId = (String) protector.lastRequest().get("sessionId");
        char last = cookie.charAt(cookie.length() - 2);
        String tampered = cookie.substring(0, cookie.length() - 2) + (last == 'A' ? 'B' : 'A')
                + cookie.charAt(cookie.length() - 1);

        Map<String, Object> out = run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", tampered));

        assertThat(protector.calls()).isEqualTo(2);
        assertThat(protector.lastRequest().get("cookieState")).isEqualTo("tampered");
        assertThat(protector.lastRequest().get("sessionId")).isNotEqualTo(sessionId);
        assertThat(header(out, "x-edgeward-set-cookie")).isNotNull();
    }

    @Test
    void expired_cookie_counts_as_no_cookie() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        fixture.clock.advance(Duration.ofHours(24).plusSeconds(1));

        run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie));

        assertThat(protector.calls()).isEqualTo(2);
        assertThat(protector.lastRequest().get("cookieState")).isEqualTo("expired");
    }

    @Test
    void cookie_signed_with_an_unknown_key_counts_as_no_cookie() throws Exception {
        NimbusTokenCodec foreign = new NimbusTokenCodec(Map.of("k9",
                HandlerFixture.OTHER_KEY.getBytes(StandardCharsets.UTF_8)), "k9");
        String cookie = "__Host-ew=" + foreign.sign(Map.of("v", 1, "sid", "AAAAAAAAAAAAAAAAAAAAAA", "iat", 0,
                "exp", 4_000_000_000L, "chk", 4_000_000_000L, "gen", 0, "uah", "x"));

        run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie));

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(protector.lastRequest().get("cookieState")).isEqualTo("foreign_key");
    }

    @Test
    void cookie_from_another_user_agent_counts_as_no_cookie() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie);
        CloudFrontEvents.withRequestHeader(event, "User-Agent", "python-requests/2.32");

        run(handler, event);

        assertThat(protector.calls()).isEqualTo(2);
        assertThat(protector.lastRequest().get("cookieState")).isEqualTo("unbound");
    }

    @Test
    void key_rotation_keeps_cookies_signed_with_the_previous_key_valid() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        Map<String, Object> rotated = HandlerFixture.config(protector.url());
        rotated.put("cookie", Map.of("keys", Map.of("k1", HandlerFixture.KEY_1, "k2", HandlerFixture.OTHER_KEY),
                "signingKey", "k2"));

        Map<String, Object> out = run(fixture.handler(rotated), CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie",
                cookie));

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(RequestMark.parse(header(out, "x-edgeward-mark")).cookieState()).isEqualTo("valid");
    }

    @Test
    void viewer_sent_edgeward_headers_are_stripped() throws Exception {
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(),
                "X-Edgeward-Action", "allow");
        CloudFrontEvents.withRequestHeader(event, "X-Edgeward-Set-Cookie", "evil=1");
        CloudFrontEvents.withRequestHeader(event, "X-Edgeward-Session", "spoofed");
        CloudFrontEvents.withUri(event, "/styles/site.css");

        Map<String, Object> out = run(handler, event);

        assertThat(header(out, "x-edgeward-action")).isNull();
        assertThat(header(out, "x-edgeward-set-cookie")).isNull();
        assertThat(header(out, "x-edgeward-session")).isNull();
        assertThat(header(out, "x-edgeward-mark")).isNotNull();
    }

    @Test
    void excluded_paths_and_extensions_are_forwarded_without_a_check() throws Exception {
        Map<String, Object> wellKnown = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/.well-known/security.txt"));
        Map<String, Object> image = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/img/Logo.PNG"));

        assertThat(protector.calls()).isZero();
        // /.well-known/ is always served by default, which an exclusion of the same prefix no longer needs to say.
        assertThat(RequestMark.parse(header(wellKnown, "x-edgeward-mark")).reason()).isEqualTo("always-served");
        assertThat(RequestMark.parse(header(image, "x-edgeward-mark")).reason()).isEqualTo("excluded");
        assertThat(image.get("uri")).isEqualTo("/img/Logo.PNG");
    }

    @Test
    void mitigate_mode_blocks_with_a_generated_403_that_sets_the_cookie() throws Exception {
        protector.answer("block", 60, "ip on blocklist", "d-1");

        Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());

        assertThat(out.get("status")).isEqualTo("403");
        assertThat(header(out, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(out, "cache-control")).isEqualTo("no-store");
        assertThat(header(out, "set-cookie")).startsWith("__Host-ew=");
        assertThat(header(out, "content-type")).isEqualTo("application/json");
        assertThat(CloudFrontEvents.JSON.readTree((String) out.get("body")).get("action").asText()).isEqualTo("block");
        assertThat(fixture.generated).hasSize(1);
        assertThat((String) fixture.generated.get(0).get("mark")).startsWith("1|block|none|mitigate|");
    }

    @Test
    void challenge_is_an_html_page_for_browsers() throws Exception {
        protector.answer("challenge", 0, "automation user agent", null);
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Map<String, Object> out = run(handler, event);

        assertThat(out.get("status")).isEqualTo("403");
        assertThat(header(out, "x-edgeward-action")).isEqualTo("challenge");
        assertThat(header(out, "cache-control")).isEqualTo("no-store");
        assertThat(header(out, "content-type")).startsWith("text/html");
        assertThat((String) out.get("body")).startsWith("<!DOCTYPE html>").contains("edgeward-challenge");
        assertThat(out.get("bodyEncoding")).isEqualTo("text");
    }

    @Test
    void challenge_is_a_json_envelope_for_clients_that_do_not_accept_html() throws Exception {
        protector.answer("challenge", 0, "automation user agent", null);
        Map<String, Object> event = CloudFrontEvents.viewerRequest();
        CloudFrontEvents.request(event).put("querystring", "page=2");

        Map<String, Object> out = run(handler, event);

        assertThat(out.get("status")).isEqualTo("403");
        assertThat(header(out, "x-edgeward-action")).isEqualTo("challenge");
        assertThat(header(out, "content-type")).isEqualTo("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> envelope = CloudFrontEvents.JSON.readValue((String) out.get("body"), Map.class);
        assertThat(envelope).containsEntry("action", "challenge")
                .containsEntry("challengeUrl", "https://d111111abcdef8.cloudfront.net/?page=2")
                .containsEntry("reason", "automation user agent");
    }

    @Test
    void inject_mode_passes_the_decision_to_the_origin_and_never_blocks() throws Exception {
        protector.answer("block", 60, "ip on blocklist", "d-7");

        Map<String, Object> out = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/api/cart"));

        assertThat(out.get("uri")).isEqualTo("/api/cart");
        assertThat(header(out, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(out, "x-edgeward-reason")).isEqualTo("ip on blocklist");
        assertThat(header(out, "x-edgeward-session")).isEqualTo(protector.lastRequest().get("sessionId"));
        assertThat(header(out, "x-edgeward-mark")).startsWith("1|block|none|inject|").contains("|d-7|");
        assertThat(fixture.generated).isEmpty();
    }

    @Test
    void monitor_mode_never_blocks_or_challenges_and_only_marks() throws Exception {
        protector.answer("block", 60, "ip on blocklist", "d-7");
        Map<String, Object> blocked = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/watch/1"));
        protector.answer("challenge", 60, "no browser headers", null);
        Map<String, Object> challenged = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/watch/2"));

        assertThat(blocked.get("uri")).isEqualTo("/watch/1");
        assertThat(challenged.get("uri")).isEqualTo("/watch/2");
        assertThat(header(blocked, "x-edgeward-mark")).startsWith("1|block|none|monitor|");
        assertThat(header(challenged, "x-edgeward-mark")).startsWith("1|challenge|none|monitor|");
        assertThat(header(blocked, "x-edgeward-action")).isNull();
        assertThat(fixture.generated).isEmpty();
    }

    @Test
    void a_monitor_answer_is_served_and_rechecked_after_the_initial_interval() throws Exception {
        protector.answer("monitor", 60, "new datacenter range", "d-3");
        Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());
        String cookie = cookiePair(header(out, "x-edgeward-set-cookie"));

        fixture.clock.advance(Duration.ofSeconds(4));
        run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie));
        int beforeInterval = protector.calls();
        fixture.clock.advance(Duration.ofSeconds(2));
        run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "Cookie", cookie));

        assertThat(out.get("uri")).isEqualTo("/");
        assertThat(header(out, "x-edgeward-mark")).startsWith("1|monitor|none|mitigate|").contains("|d-3|");
        assertThat(beforeInterval).isEqualTo(1);
        assertThat(protector.calls()).isEqualTo(2);
    }

    @Test
    void protector_error_fails_open() throws Exception {
        protector.failWith(500);

        Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());

        assertThat(out.get("uri")).isEqualTo("/");
        assertThat(out).doesNotContainKey("status");
        RequestMark mark = RequestMark.parse(header(out, "x-edgeward-mark"));
        assertThat(mark.action()).isEqualTo("allow");
        assertThat(mark.reason()).isEqualTo("fail-open: status 500");
        assertThat(header(out, "x-edgeward-set-cookie")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hanging_protector_fails_open_within_the_budget() throws Exception {
        protector.hang();
        Map<String, Object> config = HandlerFixture.config(protector.url());
        ((Map<String, Object>) config.get("protector")).put("timeout", "PT0.2S");

        Map<String, Object> out = run(fixture.handler(config), CloudFrontEvents.viewerRequest());

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(out.get("uri")).isEqualTo("/");
        assertThat(RequestMark.parse(header(out, "x-edgeward-mark")).reason()).isEqualTo("fail-open: timeout");
    }

    @Test
    void refused_connection_fails_open() throws Exception {
        String url = protector.url();
        protector.close();
        ViewerRequestHandler refused = fixture.handler(HandlerFixture.config(url));

        Map<String, Object> out = run(refused, CloudFrontEvents.viewerRequest());

        assertThat(out.get("uri")).isEqualTo("/");
        assertThat(RequestMark.parse(header(out, "x-edgeward-mark")).reason()).startsWith("fail-open: ");
    }

    @Test
    void protector_client_errors_fail_open_without_opening_the_breaker() throws Exception {
        protector.failWith(413);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());
            assertThat(RequestMark.parse(header(out, "x-edgeward-mark")).reason()).isEqualTo("fail-open: status 413");
        }

        assertThat(protector.calls()).isEqualTo(5);
    }

    @Test
    void breaker_opens_after_consecutive_failures_then_lets_one_probe_through() throws Exception {
        protector.failWith(503);
        for (int i = 0; i < 3; i++) {
            run(handler, CloudFrontEvents.viewerRequest());
        }
        Map<String, Object> whileOpen = run(handler, CloudFrontEvents.viewerRequest());
        run(handler, CloudFrontEvents.viewerRequest());
        assertThat(protector.calls()).isEqualTo(3);
        assertThat(RequestMark.parse(header(whileOpen, "x-edgeward-mark")).reason())
                .isEqualTo("fail-open: breaker-open");

        fixture.clock.advance(Duration.ofSeconds(31));
        run(handler, CloudFrontEvents.viewerRequest());
        run(handler, CloudFrontEvents.viewerRequest());
        assertThat(protector.calls()).as("one failed probe, then open again").isEqualTo(4);

        protector.answer("allow", 60, null, null);
        fixture.clock.advance(Duration.ofSeconds(31));
        run(handler, CloudFrontEvents.viewerRequest());
        run(handler, CloudFrontEvents.viewerRequest());
        assertThat(protector.calls()).as("a good probe closes the breaker").isEqualTo(6);
    }

    @Test
    void event_with_a_body_is_forwarded_with_body_and_origin_untouched() throws Exception {
        Map<String, Object> event = CloudFrontEvents.load("awsdocs-2020_request-event-format_with-body.json");
        Map<String, Object> original = CloudFrontEvents.request(CloudFrontEvents.load("awsdocs-2020_request-event-format_with-body.json"));

        Map<String, Object> out = run(handler, event);

        assertThat(out.get("body")).isEqualTo(original.get("body"));
        assertThat(out.get("origin")).isEqualTo(original.get("origin"));
        assertThat(out.get("querystring")).isEqualTo("size=large");
        assertThat(protector.lastRequest().get("clientIp")).isEqualTo("2001:0db8:85a3:0:0:8a2e:0370:7334");
    }

    @Test
    void missing_configuration_passes_every_request_through_unchanged() throws Exception {
        ViewerRequestHandler unconfigured = unconfigured();
        Map<String, Object> event = CloudFrontEvents.viewerRequest();

        Map<String, Object> out = run(unconfigured, event);

        assertThat(out).isEqualTo(CloudFrontEvents.request(CloudFrontEvents.viewerRequest()));
        assertThat(protector.calls()).isZero();
    }

    @Test
    void passing_through_on_a_fault_still_strips_viewer_sent_edgeward_headers() throws Exception {
        ViewerRequestHandler unconfigured = unconfigured();
        Map<String, Object> event = CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(),
                "X-Edgeward-Action", "allow");
        CloudFrontEvents.withRequestHeader(event, "X-Edgeward-Set-Cookie", "__Host-ew=forged");

        Map<String, Object> out = run(unconfigured, event);

        assertThat(header(out, "x-edgeward-action")).isNull();
        assertThat(header(out, "x-edgeward-set-cookie")).isNull();
        assertThat(header(out, "user-agent")).isEqualTo("curl/7.66.0");
    }

    @Test
    void no_arg_constructor_reads_the_bundled_configuration() throws Exception {
        ViewerRequestHandler bundled = new ViewerRequestHandler();

        Map<String, Object> out = run(bundled, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/.well-known/x"));

        assertThat(header(out, "x-edgeward-mark")).startsWith("1|allow|none|mitigate|");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_configuration_that_does_not_validate_is_unusable_and_fails_open_like_a_missing_one() throws Exception {
        Map<String, Object> config = HandlerFixture.config(protector.url());
        ((Map<String, Object>) config.get("protector")).put("timeout", "PT0S");
        EdgePorts ports = JvmPorts.create("test");
        ViewerRequestHandler handler = new ViewerRequestHandler(HandlerDependencies.shipping(
                EdgeSetup.<Map<String, Object>>ready(config).map(EdgeConfig::fromJson), ports));

        Map<String, Object> out = run(handler, CloudFrontEvents.viewerRequest());

        assertThat(out).isEqualTo(CloudFrontEvents.request(CloudFrontEvents.viewerRequest()));
        assertThat(protector.calls()).isZero();
        assertThat(handler.shipperStats()).isNull();
    }

    private static ViewerRequestHandler unconfigured() {
        EdgePorts ports = JvmPorts.create("test");
        return new ViewerRequestHandler(HandlerDependencies.shipping(
                EdgeSetup.fromResource("no-such-edge-config.json", ports.json()), ports));
    }

    @Test
    @SuppressWarnings("unchecked")
    void configuration_errors_name_the_key_and_value() {
        Map<String, Object> config = HandlerFixture.config(protector.url());
        ((Map<String, Object>) config.get("protector")).put("timeout", "PT0S");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeConfig.fromJson(config))
                .hasMessage("protector.timeout must be > 0 and <= PT30S, was PT0S");
        assertThat(JvmPorts.CONNECT_TIMEOUT).isPositive();
    }
}
