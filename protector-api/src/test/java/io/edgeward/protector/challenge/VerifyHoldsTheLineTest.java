package io.edgeward.protector.challenge;

import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole Protector on a real Kafka broker, attacked through {@code POST /v1/challenge/verify} the way issue 11's
 * bot did it (garbage answers from a blocked address) and the way a flood would starve real visitors.
 */
@ExtendWith(KafkaBrokerExtension.class)
class VerifyHoldsTheLineTest {

    static final String BOT_IP = "198.51.100.66";
    static final String HUMAN_IP = "203.0.113.44";

    ProtectorServer server;
    ChallengeClient edge;

    @BeforeEach
    void start(KafkaBroker broker) {
        String run = Long.toString(System.nanoTime());
        server = Protectors.start(Protectors.config(broker, "decisions-holds-" + run)
                .challenge(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)
                        .withNonces(NonceSharing.DEFAULT.withTopic("nonces-holds-" + run))).build(),
                new TestClock(Instant.now()));
        edge = new ChallengeClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blocked_address_cannot_verify_its_way_out() {
        String token = edge.challenge(BOT_IP, "bot-session");
        String solved = ChallengeClient.solve(token);
        Http.Response blocked = edge.http().post("/v1/admin/decisions", ADMIN_TOKEN, """
                {"scope":"ip","value":"%s","action":"block","duration":"PT10M","reason":"issue 11"}""".formatted(BOT_IP));
        assertThat(blocked.status()).isEqualTo(201);
        assertThat(edge.check(BOT_IP, "bot-session").path("action").asText()).isEqualTo("block");

        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(edge.verify(token, "garbage-" + i, BOT_IP, "bot-session").json());
            answers.add(edge.verify("not-a-token", "1", BOT_IP, "session-" + i).json());
        }
        answers.add(edge.verify(token, solved, BOT_IP, "bot-session").json());

        for (JsonNode answer : answers) {
            assertThat(answer.path("ok").booleanValue()).isFalse();
            assertThat(answer.path("reason").textValue()).isEqualTo("blocked");
            assertThat(answer.path("action").textValue()).isEqualTo("block");
            assertThat(answer.path("blockScope").textValue()).isEqualTo("ip");
            assertThat(answer.path("blockUntil").isNumber()).isTrue();
            assertThat(answer.path("decisionId").textValue()).isEqualTo(blocked.json().path("id").textValue());
            assertThat(answer.has("challenge")).as("a fresh challenge for a blocked client").isFalse();
            assertThat(answer.has("sessionId")).isFalse();
        }
        // It was the block that refused: lifted, the same solved answer passes.
        assertThat(edge.http().delete("/v1/admin/decisions/" + blocked.json().path("id").textValue(), ADMIN_TOKEN)
                .status()).isEqualTo(204);
        assertThat(edge.verify(token, solved, BOT_IP, "bot-session").json().path("ok").booleanValue()).isTrue();
    }

    @Test
    void a_blocked_user_agent_cannot_verify_from_a_fresh_address_and_session() {
        String token = edge.challenge(HUMAN_IP, "fresh-session");
        assertThat(edge.http().post("/v1/admin/decisions", ADMIN_TOKEN, """
                {"scope":"user_agent","value":"%s","action":"block","duration":"PT10M"}"""
                .formatted(ChallengeClient.SCRIPT_UA)).status()).isEqualTo(201);

        JsonNode answer = edge.verify(token, ChallengeClient.solve(token), HUMAN_IP, "fresh-session").json();

        assertThat(answer.path("reason").textValue()).isEqualTo("blocked");
        assertThat(answer.path("blockScope").textValue()).isEqualTo("user_agent");
    }

    @Test
    void a_session_that_passed_challenges_before_gets_a_harder_fresh_challenge() throws Exception {
        String token = edge.challenge(BOT_IP, "bot-session");
        String body = "{\"token\":\"" + token + "\",\"answer\":\"x\",\"clientIp\":\"" + BOT_IP + "\","
                + "\"userAgent\":\"curl/8.5.0\",\"sessionId\":\"bot-session\",\"challengePasses\":%d,"
                + "\"challengePassedAt\":1764950000}";

        JsonNode first = edge.http().post("/v1/challenge/verify", Protectors.EDGE_KEY, body.formatted(0)).json();
        JsonNode third = edge.http().post("/v1/challenge/verify", Protectors.EDGE_KEY, body.formatted(2)).json();
        JsonNode many = edge.http().post("/v1/challenge/verify", Protectors.EDGE_KEY, body.formatted(50)).json();

        assertThat(first.at("/challenge/difficulty").intValue()).isEqualTo(8);
        assertThat(third.at("/challenge/difficulty").intValue()).isEqualTo(12);
        assertThat(many.at("/challenge/difficulty").intValue()).isEqualTo(24);
    }

    @Test
    void verify_flood_from_one_address_does_not_starve_another() {
        String botToken = edge.challenge(BOT_IP, "bot-session");
        String humanToken = edge.challenge(HUMAN_IP, "human-session");
        String neighbourToken = edge.challenge(BOT_IP, "neighbour-session");

        Http.Response last = null;
        int refused = 0;
        for (int i = 0; i < 150; i++) {
            // Rotating sessions, so only the address budget can stop it.
            last = edge.verify(i % 2 == 0 ? botToken : "garbage", "x" + i, BOT_IP, "bot-session-" + i);
            refused += last.status() == 429 ? 1 : 0;
        }

        assertThat(refused).isEqualTo(150 - VerifyBudget.DEFAULT.addressAttempts());
        assertThat(last.status()).isEqualTo(429);
        JsonNode limited = last.json();
        assertThat(limited.path("error").textValue()).isEqualTo("rate_limited");
        assertThat(limited.path("reason").textValue()).isEqualTo("rate_limited");
        assertThat(limited.path("budget").textValue()).isEqualTo("address");
        assertThat(limited.path("retryAfter").asLong()).isPositive();
        assertThat(limited.has("challenge")).isFalse();
        // Wrong answers filled nothing, and neither another address nor a right answer from the same one is refused.
        assertThat(edge.gauge("protector_challenge_spent_nonces")).isZero();
        Http.Response human = edge.verify(humanToken, ChallengeClient.solve(humanToken), HUMAN_IP, "human-session");
        Http.Response neighbour = edge.verify(neighbourToken, ChallengeClient.solve(neighbourToken), BOT_IP,
                "neighbour-session");
        assertThat(human.status()).isEqualTo(200);
        assertThat(human.json().path("ok").booleanValue()).isTrue();
        assertThat(neighbour.json().path("ok").booleanValue()).isTrue();
        assertThat(edge.gauge("protector_challenge_spent_nonces")).isEqualTo(2.0);
    }

    @Test
    void a_session_out_of_budget_is_told_when_to_come_back() throws Exception {
        String token = edge.challenge(BOT_IP, "bot-session");
        for (int i = 0; i < VerifyBudget.DEFAULT.sessionAttempts(); i++) {
            assertThat(edge.verify(token, "x", BOT_IP, "bot-session").status()).isEqualTo(200);
        }

        HttpResponse<String> last = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/challenge/verify"))
                .header("Authorization", "Bearer " + Protectors.EDGE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\",\"answer\":\"x\","
                        + "\"clientIp\":\"" + BOT_IP + "\",\"userAgent\":\"curl/8.5.0\",\"sessionId\":\"bot-session\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("6");
        assertThat(last.body()).contains("\"budget\":\"session\"").contains("\"returnTo\":\"/products/7\"")
                .contains("\"retryAfter\":6");
    }
}
