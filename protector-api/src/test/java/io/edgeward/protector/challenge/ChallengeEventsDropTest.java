package io.edgeward.protector.challenge;

import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.protector.challenge.events.KafkaChallengeEvents;
import io.edgeward.protector.nonces.NoncePublisher;
import io.edgeward.protector.nonces.SpentNonces;
import io.edgeward.protector.support.Http;
import io.edgeward.protector.support.Protectors;
import io.edgeward.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing challenge events never fails or holds up a check or a verify: not with no broker at all, not with a
 * topic that refuses every record. What is lost is counted, never logged per event.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ChallengeEventsDropTest {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void with_the_broker_down_every_verify_still_passes_and_every_event_is_counted_as_dropped() throws IOException {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T05:00:00Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ChallengeSettings settings = ChallengeSettings.pow(ChallengeServiceTest.KEY, 8);
        int verifies = 50;
        try (KafkaChallengeEvents events = KafkaChallengeEvents.start(
                KafkaClientSettings.plaintext("127.0.0.1:" + closedPort()), "edgeward.challenges", registry, 4)) {
            ChallengeService service = new ChallengeService(settings, clock, null, null,
                    new SpentNonces(settings.usedNonceLimit(), clock), NoncePublisher.NONE, events);

            for (int i = 0; i < verifies; i++) {
                ChallengeOffer offer = service.issue("sess-" + i, UA, "203.0.113.7", "/", "");
                String answer = Long.toString(ProofOfWork.solve(offer.token(), offer.difficulty()));
                VerifyOutcome outcome = service.verify(new VerifyRequest(offer.token(), answer, "203.0.113.7", UA,
                        "sess-" + i));
                assertThat(outcome).isInstanceOf(VerifyOutcome.Passed.class);
            }

        }
        // every check and verify offered one event; none could be written, all are counted (the queue's at close)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                registry.get(KafkaChallengeEvents.DROPPED_METRIC).counter().count()).isEqualTo(2.0 * verifies));
    }

    @Test
    void a_topic_that_refuses_every_record_costs_the_verify_nothing_and_shows_on_metrics(KafkaBroker broker)
            throws Exception {
        String topic = "challenges-refusing-" + System.nanoTime();
        broker.createTopic(topic, 1, Map.of("max.message.bytes", "16"));
        try (ProtectorServer server = Protectors.start(Protectors.config(broker, "decisions-drop-" + System.nanoTime())
                .challengesTopic(topic).challenge(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)).build(),
                new TestClock(Instant.now()))) {
            Http http = new Http(server.port());

            JsonNode offer = http.post("/v1/check", EDGE_KEY, """
                    {"clientIp":"203.0.113.31","userAgent":"curl/8.5.0","sessionId":"sess-refused","cookieState":"stale",
                     "host":"shop.example","method":"GET","path":"/","headers":{"accept":"*/*"}}""")
                    .json().path("challenge");
            String token = offer.path("token").textValue();
            String answer = Long.toString(ProofOfWork.solve(token, offer.path("difficulty").intValue()));
            JsonNode verified = http.post("/v1/challenge/verify", EDGE_KEY, MAPPER.writeValueAsString(Map.of(
                    "token", token, "answer", answer, "clientIp", "203.0.113.31", "userAgent", "curl/8.5.0",
                    "sessionId", "sess-refused"))).json();

            assertThat(verified.path("ok").booleanValue()).isTrue();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(dropped(http)).isEqualTo(2.0));
        }
    }

    private static double dropped(Http http) {
        return http.get("/metrics", null).body().lines()
                .filter(l -> l.startsWith("edgeward_protector_challenge_events_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
