package io.edgeward.protector.challenge;

import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A whole Protector: the check answer carries the challenge, verify passes it, the next check respects it. */
@ExtendWith(KafkaBrokerExtension.class)
class ChallengeThroughProtectorTest {

    static final String SCRIPT_UA = "curl/8.5.0";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static ProtectorServer server;
    static Http http;

    @BeforeAll
    static void start(KafkaBroker broker) {
        server = Protectors.start(Protectors.config(broker, "decisions-challenge-" + System.nanoTime())
                .challenge(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)).build(),
                new TestClock(Instant.now()));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_challenge_answer_carries_a_solvable_challenge_and_solving_it_ends_the_challenge() throws Exception {
        JsonNode challenged = check(false);
        String token = challenged.at("/challenge/token").textValue();
        long nonce = ProofOfWork.solve(token, challenged.at("/challenge/difficulty").intValue());

        JsonNode verified = http.post("/v1/challenge/verify", EDGE_KEY, MAPPER.writeValueAsString(Map.of(
                "token", token, "answer", Long.toString(nonce), "clientIp", "203.0.113.9", "userAgent", SCRIPT_UA,
                "sessionId", "sess-through"))).json();

        assertThat(challenged.path("action").asText()).isEqualTo("challenge");
        assertThat(challenged.at("/challenge/provider").textValue()).isEqualTo("pow");
        assertThat(verified.path("ok").booleanValue()).isTrue();
        assertThat(verified.path("returnTo").textValue()).isEqualTo("/products/7?q=shoes");
        assertThat(check(true).path("action").asText()).isEqualTo("allow");
    }

    @Test
    void an_allow_answer_carries_no_challenge() {
        Http.Response response = http.post("/v1/check", EDGE_KEY, Http.checkBody("203.0.113.10", Http.CHROME));

        assertThat(response.json().path("action").asText()).isEqualTo("allow");
        assertThat(response.json().has("challenge")).isFalse();
    }

    private static JsonNode check(boolean challengePassed) throws Exception {
        String body = "{\"clientIp\":\"203.0.113.9\",\"userAgent\":\"" + SCRIPT_UA + "\",\"sessionId\":\"sess-through\","
                + "\"cookieState\":\"stale\",\"challengePassed\":" + challengePassed + ",\"host\":\"shop.example\","
                + "\"method\":\"GET\",\"path\":\"/products/7\",\"query\":\"q=shoes\",\"headers\":{\"accept\":\"*/*\"}}";
        Http.Response response = http.post("/v1/check", EDGE_KEY, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
