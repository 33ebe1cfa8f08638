package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorConfig;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single use across instances (contract C10): two Protectors on one real Kafka broker share the challenge key and
 * the spent-nonce topic. The window: a pass is answered only after its nonce is acknowledged by Kafka (acks=all); the
 * other instance refuses a replay once the record has reached it (its consumer lag), which the test awaits.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SharedNoncesTest {

    static final String IP = "203.0.113.61";
    final TestClock clock = new TestClock(Instant.now());

    private static ProtectorConfig config(KafkaBroker broker, String run) {
        return Protectors.config(broker, "decisions-nonces-" + run)
                .challenge(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)
                        .withNonces(NonceSharing.DEFAULT.withTopic("nonces-" + run))).build();
    }

    @Test
    void answer_accepted_on_one_instance_is_refused_on_another(KafkaBroker broker) {
        String run = Long.toString(System.nanoTime());
        try (ProtectorServer a = Protectors.start(config(broker, run), clock);
             ProtectorServer b = Protectors.start(config(broker, run), clock)) {
            ChallengeClient edgeA = new ChallengeClient(a.port());
            ChallengeClient edgeB = new ChallengeClient(b.port());
            String token = edgeA.challenge(IP, "sess-shared");
            String solved = ChallengeClient.solve(token);

            JsonNode passed = edgeA.verify(token, solved, IP, "sess-shared").json();
            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> edgeB.gauge("protector_challenge_spent_nonces") >= 1.0);
            JsonNode replayedOnB = edgeB.verify(token, solved, IP, "sess-shared").json();
            JsonNode replayedOnA = edgeA.verify(token, solved, IP, "sess-shared").json();

            assertThat(passed.path("ok").booleanValue()).isTrue();
            assertThat(replayedOnB.path("ok").booleanValue()).isFalse();
            assertThat(replayedOnB.path("reason").textValue()).isEqualTo("replayed");
            assertThat(replayedOnA.path("reason").textValue()).isEqualTo("replayed");
        }
    }

    @Test
    void a_restarted_instance_still_refuses_an_answer_spent_before_it_started(KafkaBroker broker) {
        String run = Long.toString(System.nanoTime());
        try (ProtectorServer a = Protectors.start(config(broker, run), clock)) {
            ChallengeClient edgeA = new ChallengeClient(a.port());
            String token = edgeA.challenge(IP, "sess-restart");
            String solved = ChallengeClient.solve(token);
            ProtectorServer b = Protectors.start(config(broker, run), clock);
            ChallengeClient edgeB = new ChallengeClient(b.port());
            assertThat(edgeB.verify(token, solved, IP, "sess-restart").json().path("ok").booleanValue()).isTrue();
            b.close();

            // Ready only once the spent-nonce topic is read: no waiting beyond Protectors.start's readiness.
            try (ProtectorServer restarted = Protectors.start(config(broker, run), clock)) {
                JsonNode replayed = new ChallengeClient(restarted.port()).verify(token, solved, IP, "sess-restart")
                        .json();

                assertThat(replayed.path("ok").booleanValue()).isFalse();
                assertThat(replayed.path("reason").textValue()).isEqualTo("replayed");
            }
        }
    }

    @Test
    void records_that_are_not_spent_nonces_are_skipped_and_the_next_real_one_still_counts(KafkaBroker broker)
            throws Exception {
        String run = Long.toString(System.nanoTime());
        try (ProtectorServer a = Protectors.start(config(broker, run), clock);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ChallengeClient edge = new ChallengeClient(a.port());
            String token = edge.challenge(IP, "sess-garbage");
            String nonce = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder()
                    .decode(token.split("\\.")[1])).path("jti").textValue();
            String topic = "nonces-" + run;
            long expiry = clock.instant().plusSeconds(300).getEpochSecond();
            producer.send(new ProducerRecord<>(topic, "n-1", "not a number")).get();
            producer.send(new ProducerRecord<>(topic, "n-2", null)).get();
            producer.send(new ProducerRecord<>(topic, "x".repeat(200), Long.toString(expiry))).get();
            producer.send(new ProducerRecord<>(topic, nonce, Long.toString(expiry))).get();

            await().atMost(30, TimeUnit.SECONDS).until(() -> edge.gauge("protector_challenge_spent_nonces") >= 1.0);
            JsonNode answer = edge.verify(token, ChallengeClient.solve(token), IP, "sess-garbage").json();

            assertThat(edge.gauge("protector_challenge_spent_nonces")).isEqualTo(1.0);
            assertThat(answer.path("reason").textValue()).isEqualTo("replayed");
            assertThat(a.ready()).isTrue();
        }
    }

    @Test
    void a_pass_stands_when_kafka_cannot_acknowledge_its_nonce_and_the_nonce_stays_spent_here() {
        Path dataDir = Path.of("target", "kafka-nonces-" + UUID.randomUUID()).toAbsolutePath();
        KafkaBroker own = KafkaBroker.start(dataDir);
        try (ProtectorServer a = Protectors.start(config(own, "down"), clock)) {
            ChallengeClient edge = new ChallengeClient(a.port());
            String token = edge.challenge(IP, "sess-down");
            String solved = ChallengeClient.solve(token);
            own.stop();

            JsonNode passed = edge.verify(token, solved, IP, "sess-down").json();
            JsonNode replayed = edge.verify(token, solved, IP, "sess-down").json();

            assertThat(passed.path("ok").booleanValue()).isTrue();
            assertThat(replayed.path("reason").textValue()).isEqualTo("replayed");
            assertThat(edge.gauge("protector_challenge_nonce_publish_failures")).isEqualTo(1.0);
        } finally {
            own.close();
            KafkaBroker.deleteDataDir(dataDir);
        }
    }

    @Test
    void the_nonce_topic_is_created_compacted_and_deleting_after_the_token_lifetime_and_a_margin(KafkaBroker broker)
            throws Exception {
        String run = Long.toString(System.nanoTime());
        try (ProtectorServer a = Protectors.start(config(broker, run), clock); Admin admin = broker.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "nonces-" + run);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS);

            assertThat(configs.get(topic).get("cleanup.policy").value()).isEqualTo("compact,delete");
            assertThat(configs.get(topic).get("retention.ms").value()).isEqualTo("600000"); // PT5M + PT5M
        }
    }
}
