package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.protector.CircuitBreaker;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The challenge through the whole viewer policy: Protector's offer on the page, then the answer at the verify path. */
class ChallengeFlowTest {

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp();
    private final ViewerPolicy policy = new ViewerPolicy(Configs.exampleConfig(),
            TestPorts.ports(clock, http, new TestPorts.RecordingLog()),
            new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1"), GeneratedResponseLog.NONE);

    @Test
    void the_offer_protector_issued_is_rendered_and_the_answer_upgrades_the_same_session() {
        http.answer(200, "{\"action\":\"challenge\",\"ttl\":0,\"reason\":\"automation\",\"decisionId\":null,"
                + "\"challenge\":{\"token\":\"" + ChallengePageTest.TOKEN + "\",\"provider\":\"pow\","
                + "\"difficulty\":16,\"siteKey\":null}}");
        EdgeResult.Respond page = (EdgeResult.Respond) decide(get("/p/1", null));
        String cookie = page.response().header("set-cookie");
        String sessionId = page.mark().sessionId();

        http.answer(200, "{\"ok\":true,\"sessionId\":\"" + sessionId + "\",\"returnTo\":\"/p/1\"}");
        EdgeResult.Respond verified = (EdgeResult.Respond) decide(post("token=" + ChallengePageTest.TOKEN
                + "&answer=42", cookie.substring(0, cookie.indexOf(';'))));

        assertThat(page.response().status()).isEqualTo(403);
        assertThat(page.response().body()).contains("value=\"" + ChallengePageTest.TOKEN + "\"")
                .contains("data-difficulty=\"16\"");
        assertThat(http.calls().get(1).url()).endsWith("/v1/challenge/verify");
        assertThat(TestPorts.json().parseObject(http.calls().get(1).body())).containsEntry("sessionId", sessionId);
        assertThat(verified.response().status()).isEqualTo(303);
        assertThat(verified.response().header("location")).isEqualTo("/p/1");
        String upgraded = verified.response().header("set-cookie");
        EdgeResult.Forward next = (EdgeResult.Forward) decide(get("/p/1", upgraded.substring(0, upgraded.indexOf(';'))));
        assertThat(next.mark().cookieState()).isEqualTo("valid");
        assertThat(http.calls()).hasSize(2);
    }

    @Test
    void with_protector_down_a_verify_post_is_sent_back_at_once_without_calling_it() {
        http.answer(200, "{\"action\":\"allow\",\"ttl\":0}");
        EdgeResult.Forward first = (EdgeResult.Forward) decide(get("/p/1", null));
        String cookie = first.request().headers().first("x-edgeward-set-cookie");
        http.fail("timeout");
        for (int i = 0; i < 5; i++) {
            decide(get("/p/" + i, null));
        }
        int callsWhenOpen = http.calls().size();

        EdgeResult.Respond verified = (EdgeResult.Respond) decide(post("token=" + ChallengePageTest.TOKEN
                + "&answer=42", cookie.substring(0, cookie.indexOf(';'))));

        assertThat(policy.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(http.calls()).as("the relay does not wait on Protector while the breaker is open")
                .hasSize(callsWhenOpen);
        // the edge's fail policy for a verification it cannot relay: back to the page, cookie not upgraded
        assertThat(verified.response().status()).isEqualTo(303);
        assertThat(verified.response().header("set-cookie")).isNull();
        assertThat(verified.mark().reason()).isEqualTo("challenge.unverified: breaker-open");
    }

    private EdgeResult decide(CfEvent event) {
        EdgeResult[] out = new EdgeResult[1];
        policy.handle(event, result -> out[0] = result);
        return out[0];
    }

    private static CfEvent get(String uri, String cookie) {
        return event(new CfRequest("203.0.113.7", "GET", uri, "", headers(cookie), null, null));
    }

    private static CfEvent post(String body, String cookie) {
        String data = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        return event(new CfRequest("203.0.113.7", "POST", ChallengeRelay.VERIFY_PATH, "",
                headers(cookie).with("Content-Type", "application/x-www-form-urlencoded"),
                new RequestBody(false, "read-only", "base64", data), null));
    }

    private static CfHeaders headers(String cookie) {
        CfHeaders headers = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", "Mozilla/5.0")
                .with("Accept", "text/html");
        return cookie == null ? headers : headers.with("Cookie", cookie);
    }

    private static CfEvent event(CfRequest request) {
        return new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null);
    }
}
