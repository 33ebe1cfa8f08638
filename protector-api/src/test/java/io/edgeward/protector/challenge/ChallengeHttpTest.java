package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.protector.http.BearerAuth;
import io.edgeward.protector.http.HttpErrors;
import io.edgeward.protector.http.Json;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/challenge/verify} over real HTTP, behind the edge key as in ProtectorServer. */
class ChallengeHttpTest {

    static final String EDGE_KEY = "edge-key-0123456789abcdef";
    static final String UA = ChallengeServiceTest.UA;

    private final ObjectMapper mapper = Json.mapper();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ChallengeService service = new ChallengeService(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8),
            new TestClock(Instant.parse("2026-11-23T14:00:00Z")), null);
    private final Javalin app = start();
    private final Http http = new Http(app.port());

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_right_answer_is_ok_with_the_session_and_return_path() throws Exception {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/p/7", "a=1");
        VerifyRequest answer = ChallengeServiceTest.answer(offer, "sess-1", UA, "203.0.113.7");

        Http.Response response = http.post("/v1/challenge/verify", EDGE_KEY, mapper.writeValueAsString(answer));

        JsonNode body = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(body.get("ok").booleanValue()).isTrue();
        assertThat(body.get("sessionId").textValue()).isEqualTo("sess-1");
        assertThat(body.get("returnTo").textValue()).isEqualTo("/p/7?a=1");
        assertThat(body.has("challenge")).isFalse();
    }

    @Test
    void a_replayed_answer_is_not_ok_and_carries_a_fresh_challenge_and_is_counted() throws Exception {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        String answer = mapper.writeValueAsString(ChallengeServiceTest.answer(offer, "sess-1", UA, "203.0.113.7"));
        http.post("/v1/challenge/verify", EDGE_KEY, answer);

        JsonNode body = http.post("/v1/challenge/verify", EDGE_KEY, answer).json();

        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.get("reason").textValue()).isEqualTo("replayed");
        assertThat(body.at("/challenge/provider").textValue()).isEqualTo("pow");
        assertThat(body.at("/challenge/difficulty").intValue()).isEqualTo(8);
        assertThat(body.at("/challenge/token").textValue()).isNotEqualTo(offer.token());
        assertThat(registry.scrape()).contains("protector_challenge_verifications_total{outcome=\"replayed\","
                + "provider=\"pow\"} 1.0").contains("outcome=\"passed\",provider=\"pow\"} 1.0");
    }

    @Test
    void the_edge_key_is_required() {
        Http.Response response = http.post("/v1/challenge/verify", null, "{\"token\":\"x\",\"answer\":\"1\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").textValue()).isEqualTo("unauthorized");
    }

    @Test
    void an_unreadable_request_is_a_problem_not_a_verdict() {
        Http.Response garbage = http.post("/v1/challenge/verify", EDGE_KEY, "{not json");
        Http.Response noToken = http.post("/v1/challenge/verify", EDGE_KEY, "{\"answer\":\"1\"}");

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("error").textValue()).isEqualTo("bad_request");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().get("detail").textValue()).isEqualTo("token is required");
    }

    private Javalin start() {
        BearerAuth edge = new BearerAuth("edge", List.of(EDGE_KEY));
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            HttpErrors.install(cfg.routes);
            cfg.routes.before("/v1/challenge/*", edge::require);
            new ChallengeController(service, registry, mapper).addRoutes(cfg.routes);
        });
        return javalin.start("127.0.0.1", 0);
    }
}
