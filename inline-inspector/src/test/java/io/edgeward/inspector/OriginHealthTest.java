package io.edgeward.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health endpoint's contract (docs/inline.md "Health"): unhealthy only when the application cannot be reached. */
class OriginHealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_is_503_when_the_application_origin_cannot_be_reached() throws Exception {
        try (StandIns.Server protector = allowingProtector();
             InspectorServer inspector = started("http://127.0.0.1:9", protector.url())) {
            HttpResponse<String> health = health(inspector);

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"unhealthy\"").contains("\"origin\":\"unreachable\"");
        }
    }

    @Test
    void health_stays_200_with_protector_down_because_the_policy_fails_open_by_itself() throws Exception {
        try (StandIns.Server origin = new StandIns.Server(r -> new StandIns.Reply(200, Map.of(), "ok"));
             InspectorServer inspector = started(origin.url(), "http://127.0.0.1:9")) {
            HttpResponse<String> health = health(inspector);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"origin\":\"reachable\"");
        }
    }

    @Test
    void an_application_answering_500_is_reachable_its_own_health_is_its_pools_business() throws Exception {
        try (StandIns.Server origin = new StandIns.Server(r -> new StandIns.Reply(500, Map.of(), "broken"));
             StandIns.Server protector = allowingProtector();
             InspectorServer inspector = started(origin.url(), protector.url())) {
            assertThat(health(inspector).statusCode()).isEqualTo(200);
            assertThat(origin.received).extracting(StandIns.Received::pathAndQuery).containsExactly("/up");
        }
    }

    @Test
    void a_probe_result_stands_for_the_cache_period_so_monitors_do_not_multiply_probes() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T00:00:00Z"));
        try (StandIns.Server origin = new StandIns.Server(r -> new StandIns.Reply(204, Map.of(), ""))) {
            OriginHealth health = new OriginHealth(URI.create(origin.url()), "/", Duration.ofSeconds(2),
                    Duration.ofSeconds(5), clock);
            assertThat(health.reachable()).isTrue();
            assertThat(health.reachable()).isTrue();
            assertThat(origin.received).hasSize(1);

            clock.advanceSeconds(5);
            origin.close();
            assertThat(health.reachable()).as("the origin went away and the cache period ended").isFalse();
        }
    }

    private static StandIns.Server allowingProtector() throws Exception {
        return new StandIns.Server(r -> StandIns.Reply.json(200, "{\"action\":\"allow\",\"ttl\":60}"));
    }

    private InspectorServer started(String originUrl, String protectorUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGEWARD_INSPECTOR_BIND", "127.0.0.1");
        env.put("EDGEWARD_INSPECTOR_PORT", "0");
        env.put("EDGEWARD_INSPECTOR_ORIGIN", originUrl);
        env.put("EDGEWARD_INSPECTOR_ORIGIN_HEALTH_PATH", "/up");
        env.put("EDGEWARD_PROTECTOR_URL", protectorUrl);
        env.put("EDGEWARD_INGEST_URL", "http://127.0.0.1:9");
        env.put("EDGEWARD_EDGE_KEY", InspectorServerTest.EDGE_KEY);
        env.put("EDGEWARD_INGEST_KEY", InspectorServerTest.INGEST_KEY);
        env.put("EDGEWARD_COOKIE_KEYS", InspectorServerTest.COOKIE_KEYS);
        InspectorServer server = new InspectorServer(InspectorConfig.fromEnvironment(env));
        server.start();
        return server;
    }

    private HttpResponse<String> health(InspectorServer inspector) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inspector.port()
                + InspectorServer.HEALTH_PATH)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
