package io.edgeward.edge.viewer;

import static io.edgeward.testing.CloudFrontEvents.header;
import static io.edgeward.edge.viewer.HandlerFixture.cookiePair;
import static io.edgeward.edge.viewer.HandlerFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.ProtectorStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issues 11 and 12 through the JVM handler, with the AWS documentation's viewer-request event and a Protector
 * stand-in on loopback: blocks hold at the edge, the verify path cannot lift them, tricky paths are never assets,
 * always-served paths stay served, and cookieless floods are shed.
 */
class HoldTheLineHandlerTest {

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
    void cookie_carried_block_holds_while_protector_is_down() throws Exception {
        protector.answerBlock("session", now() + 3600);
        Map<String, Object> blocked = run(handler, CloudFrontEvents.viewerRequest());
        String cookie = cookiePair(header(blocked, "set-cookie"));
        int calls = protector.calls();
        protector.close();
        fixture.clock.advance(Duration.ofSeconds(90));

        Map<String, Object> again = run(handler, withCookie(CloudFrontEvents.viewerRequest(), cookie));

        assertThat(again.get("status")).isEqualTo("403");
        assertThat(header(again, "x-edgeward-action")).isEqualTo("block");
        assertThat(protector.calls()).isEqualTo(calls);
        assertThat(lastGeneratedMark().reason()).isEqualTo("block held (cookie, session)");
    }

    @Test
    void verify_never_lifts_a_cookie_carried_block() throws Exception {
        protector.answerBlock("session", now() + 3600);
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "set-cookie"));

        Map<String, Object> verify = run(handler, verifyRequest(cookie));

        assertThat(verify.get("status")).isEqualTo("403");
        assertThat(header(verify, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(verify, "set-cookie")).isNull();
        assertThat(protector.verifyCalls()).isZero();
    }

    @Test
    void a_passed_challenge_counts_in_the_cookie_and_reaches_the_next_check() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));

        Map<String, Object> passed = run(handler, verifyRequest(cookie));
        String upgraded = cookiePair(header(passed, "set-cookie"));
        fixture.clock.advance(Duration.ofSeconds(6));
        run(handler, withCookie(CloudFrontEvents.viewerRequest(), upgraded));

        assertThat(passed.get("status")).isEqualTo("303");
        assertThat(protector.lastRequest()).containsEntry("challengePasses", 1).containsEntry("challengePassed", true)
                .containsEntry("sessionGeneration", 1).containsKey("sessionIssuedAt");
    }

    @Test
    void with_the_breaker_open_a_verify_answers_at_once_without_a_call() throws Exception {
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "x-edgeward-set-cookie"));
        protector.failWith(500);
        for (int i = 0; i < 3; i++) {
            run(handler, CloudFrontEvents.viewerRequest());
        }
        int verifies = protector.verifyCalls();

        Map<String, Object> verify = run(handler, verifyRequest(cookie));

        assertThat(verify.get("status")).isEqualTo("303");
        assertThat(header(verify, "set-cookie")).isNull();
        assertThat(protector.verifyCalls()).isEqualTo(verifies);
    }

    @Test
    void a_blocked_address_stays_blocked_from_the_cache_when_protector_fails() throws Exception {
        protector.answerBlock("ip", now() + 3600);
        run(handler, CloudFrontEvents.viewerRequest());
        protector.failWith(500);

        Map<String, Object> again = run(handler, CloudFrontEvents.withRequestHeader(CloudFrontEvents.viewerRequest(), "User-Agent",
                "Mozilla/5.0 (a disguise)"));

        assertThat(again.get("status")).isEqualTo("403");
        assertThat(protector.calls()).isEqualTo(1);
        assertThat(lastGeneratedMark().reason()).isEqualTo("block held (cache, ip)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/products/3;.css", "/products/3/.png", "/.well-known/../products/3",
        "/products/3%3B.css", "//products/3.css", "/products/3%2F..%2F.css"})
    void a_page_dressed_as_an_excluded_asset_is_checked_and_blocked(String rawPath) throws Exception {
        protector.answer("block", 0, "ip on blocklist", "d-1");

        Map<String, Object> out = run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), rawPath));

        assertThat(out.get("status")).isEqualTo("403");
        assertThat(protector.calls()).isEqualTo(1);
        // Protector sees what was sent: as rawPath, or as path when the normalised form is the same text.
        Object sentRaw = protector.lastRequest().get("rawPath");
        assertThat(sentRaw == null ? protector.lastRequest().get("path") : sentRaw).isEqualTo(rawPath);
    }

    @Test
    void the_check_request_has_the_normalised_path_and_the_header_names() throws Exception {
        run(handler, CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/products;v=2/3"));

        assertThat(protector.lastRequest()).containsEntry("path", "/products/3")
                .containsEntry("rawPath", "/products;v=2/3").containsEntry("headerNames", "host,user-agent,accept")
                .containsEntry("challengePasses", 0).doesNotContainKey("sessionIssuedAt");
    }

    @Test
    void robots_txt_reaches_a_blocked_client_unchecked() throws Exception {
        protector.answerBlock("ip", now() + 3600);
        String cookie = cookiePair(header(run(handler, CloudFrontEvents.viewerRequest()), "set-cookie"));

        Map<String, Object> robots = run(handler, withCookie(CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/robots.txt"),
                cookie));

        assertThat(robots).doesNotContainKey("status").containsEntry("uri", "/robots.txt");
        assertThat(RequestMark.parse(header(robots, "x-edgeward-mark")).reason()).isEqualTo("always-served");
        assertThat(protector.calls()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shed_cookieless_check_fails_open_without_opening_the_breaker() throws Exception {
        Map<String, Object> config = HandlerFixture.config(protector.url());
        ((Map<String, Object>) config.get("protector")).put("rate", Map.of("perSecond", 1, "burst", 1));
        ViewerRequestHandler limited = fixture.handler(config);

        run(limited, CloudFrontEvents.viewerRequest());
        Map<String, Object> shed = run(limited, CloudFrontEvents.viewerRequest());

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(RequestMark.parse(header(shed, "x-edgeward-mark")).reason()).isEqualTo("fail-open: shed");
        fixture.clock.advance(Duration.ofSeconds(1));
        run(limited, CloudFrontEvents.viewerRequest());
        assertThat(protector.calls()).isEqualTo(2);
    }

    private long now() {
        return fixture.clock.millis() / 1000;
    }

    private RequestMark lastGeneratedMark() {
        return RequestMark.parse((String) fixture.generated.get(fixture.generated.size() - 1).get("mark"));
    }

    private static Map<String, Object> withCookie(Map<String, Object> event, String cookie) {
        return CloudFrontEvents.withRequestHeader(event, "Cookie", cookie);
    }

    /** A browser posting a solved challenge to the verify path, with the body CloudFront includes. */
    private static Map<String, Object> verifyRequest(String cookie) throws Exception {
        Map<String, Object> event = withCookie(CloudFrontEvents.withUri(CloudFrontEvents.viewerRequest(), "/.edgeward/challenge/verify"),
                cookie);
        CloudFrontEvents.withRequestHeader(event, "Content-Type", "application/x-www-form-urlencoded");
        CloudFrontEvents.withRequestHeader(event, "Accept", "text/html");
        Map<String, Object> request = CloudFrontEvents.request(event);
        request.put("method", "POST");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inputTruncated", false);
        body.put("action", "read-only");
        body.put("encoding", "base64");
        body.put("data", Base64.getEncoder().encodeToString("token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&answer=42"
                .getBytes(StandardCharsets.UTF_8)));
        request.put("body", body);
        return event;
    }

}
