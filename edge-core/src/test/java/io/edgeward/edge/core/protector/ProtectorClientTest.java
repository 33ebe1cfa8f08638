package io.edgeward.edge.core.protector;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.ProtectorAnswer;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.session.CookieState;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading C2's block fields, and the check of before for callers holding only a session id. */
class ProtectorClientTest {

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp();
    private final EdgeConfig config = Configs.exampleConfig();
    private final ProtectorClient client = new ProtectorClient(config.protector(), http, TestPorts.json(),
            new CircuitBreaker(5, 30_000, clock), new TestPorts.RecordingLog());

    @Test
    void a_block_answer_brings_its_scope_and_expiry_and_an_odd_scope_is_dropped() {
        http.answer(200, "{\"action\":\"block\",\"ttl\":0,\"blockScope\":\"ip\",\"blockUntil\":1795003600}");
        ProtectorAnswer scoped = answer();
        http.answer(200, "{\"action\":\"block\",\"ttl\":0,\"blockScope\":\"IP; bu=9\",\"blockUntil\":\"soon\"}");
        ProtectorAnswer odd = answer();
        http.answer(200, "{\"action\":\"allow\",\"ttl\":60,\"blockScope\":\"ip\",\"blockUntil\":1795003600}");
        ProtectorAnswer allow = answer();

        assertThat(scoped.blockScope()).isEqualTo("ip");
        assertThat(scoped.blockUntil()).isEqualTo(1_795_003_600L);
        assertThat(odd.blockScope()).isNull();
        assertThat(odd.blockUntil()).isZero();
        assertThat(allow.blockScope()).isNull();
    }

    @Test
    void the_check_of_before_still_sends_the_contract_body_with_the_normalised_path() {
        client.check(viewer("/a/./b"), "sid-1", CookieState.STALE, true, outcome -> { });

        Map<String, Object> body = TestPorts.json().parseObject(http.calls().get(0).body());
        assertThat(body).containsEntry("sessionId", "sid-1").containsEntry("cookieState", "stale")
                .containsEntry("challengePassed", true).containsEntry("path", "/a/b")
                .containsEntry("rawPath", "/a/./b").doesNotContainKeys("sessionIssuedAt", "challengePasses");
    }

    private ProtectorAnswer answer() {
        List<CheckOutcome> outcomes = new ArrayList<>();
        client.check(viewer("/"), "sid-1", CookieState.NONE, false, outcomes::add);
        return ((CheckOutcome.Answered) outcomes.get(0)).answer();
    }

    private static ViewerRequest viewer(String uri) {
        CfRequest request = new CfRequest("203.0.113.7", "GET", uri, "",
                CfHeaders.empty().with("Host", "shop.example").with("User-Agent", "Mozilla/5.0"), null, null);
        return ViewerRequest.from(new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "r"), request,
                null), request);
    }
}
