package io.edgeward.protector.challenge;

import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.protector.support.Http;
import io.edgeward.protector.support.Protectors;
import io.edgeward.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract C1 through a whole Protector and the real broker: what a check that challenges and each verification
 * outcome write to the challenges topic, and what a bot sending garbage can make of it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ChallengeEventsTopicTest {

    static final String SCRIPT_UA = "curl/8.5.0";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TOPIC = "challenges-" + System.nanoTime();
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-07T05:00:00Z"));
    static ProtectorServer server;
    static Http http;
    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static KafkaBroker broker;
    static KafkaConsumer<String, byte[]> consumer;
    static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeAll
    static void start(KafkaBroker kafka) {
        broker = kafka;
        server = Protectors.start(Protectors.config(broker, "decisions-events-" + System.nanoTime())
                .challengesTopic(TOPIC).challenge(ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)).build(), CLOCK);
        http = new Http(server.port());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterAll
    static void stop() {
        consumer.close();
        server.close();
    }

    @Test
    void the_topic_is_created_for_a_week_of_events_not_compacted() throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);

        Config config;
        try (Admin admin = broker.admin()) {
            config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        }

        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void a_check_that_challenges_publishes_an_issued_event() throws Exception {
        JsonNode challenged = check("sess-issued", "203.0.113.21");

        ConsumerRecord<String, byte[]> record = awaitEvent("sess-issued", "issued");

        assertThat(challenged.path("action").asText()).isEqualTo("challenge");
        assertThat(record.key()).isEqualTo("sess-issued");
        assertThat(record.timestamp()).isEqualTo(CLOCK.instant().toEpochMilli());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1,\"time\":\""
                + MILLIS.format(CLOCK.instant()) + "\",\"event\":\"issued\",\"provider\":\"pow\","
                + "\"reason\":null,\"solveMs\":null,\"sessionId\":\"sess-issued\",\"clientIp\":\"203.0.113.21\"}");
    }

    @Test
    void a_correct_proof_of_work_publishes_passed_with_its_solve_time() throws Exception {
        JsonNode offer = check("sess-passed", "203.0.113.22").path("challenge");
        String token = offer.path("token").textValue();
        long nonce = ProofOfWork.solve(token, offer.path("difficulty").intValue());
        CLOCK.advanceMillis(2_345);

        JsonNode verified = verify(token, Long.toString(nonce), "sess-passed", "203.0.113.22");
        JsonNode event = json(awaitEvent("sess-passed", "passed"));

        assertThat(verified.path("ok").booleanValue()).isTrue();
        assertThat(event.path("solveMs").longValue()).isEqualTo(2_345);
        assertThat(event.path("provider").textValue()).isEqualTo("pow");
        assertThat(event.path("reason").isNull()).isTrue();
        assertThat(event.path("clientIp").textValue()).isEqualTo("203.0.113.22");
    }

    @Test
    void a_wrong_answer_publishes_failed_with_its_reason_and_never_the_token() throws Exception {
        JsonNode offer = check("sess-failed", "203.0.113.23").path("challenge");
        String token = offer.path("token").textValue();
        long wrong = 0;
        while (ProofOfWork.solves(token, Long.toString(wrong), offer.path("difficulty").intValue())) {
            wrong++;
        }
        CLOCK.advanceMillis(700);

        JsonNode verified = verify(token, Long.toString(wrong), "sess-failed", "203.0.113.23");
        ConsumerRecord<String, byte[]> record = awaitEvent("sess-failed", "failed");

        assertThat(verified.path("reason").textValue()).isEqualTo("wrong_answer");
        assertThat(json(record).path("reason").textValue()).isEqualTo("wrong_answer");
        assertThat(json(record).path("solveMs").longValue()).isEqualTo(700);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(token)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void garbage_sent_to_verify_makes_a_small_event_with_nothing_of_the_garbage_in_it() throws Exception {
        String hugeSession = "s".repeat(5_000);
        String garbageToken = "not-a-token-" + "x".repeat(20_000);
        Http.Response response = http.post("/v1/challenge/verify", EDGE_KEY, MAPPER.writeValueAsString(Map.of(
                "token", garbageToken, "answer", "y".repeat(10_000), "clientIp", "198.51.100.99",
                "userAgent", "garbage", "sessionId", hugeSession)));

        ConsumerRecord<String, byte[]> record = awaitEvent(r -> "198.51.100.99".equals(r.key()));
        JsonNode event = json(record);

        assertThat(response.status()).isEqualTo(200);
        assertThat(event.path("event").textValue()).isEqualTo("failed");
        assertThat(event.path("reason").textValue()).isEqualTo("malformed");
        assertThat(event.path("sessionId").isNull()).isTrue();
        assertThat(event.path("solveMs").isNull()).isTrue();
        assertThat(record.value().length).isLessThan(300);
    }

    @Test
    void a_blocked_address_publishes_blocked_with_the_blocking_scope() throws Exception {
        JsonNode offer = check("sess-blocked", "203.0.113.24").path("challenge");
        assertThat(http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                {"scope":"ip","value":"203.0.113.24","action":"block","duration":"PT1H"}""").status()).isEqualTo(201);

        JsonNode verified = verify(offer.path("token").textValue(), "1", "sess-blocked", "203.0.113.24");
        JsonNode event = json(awaitEvent("sess-blocked", "blocked"));

        assertThat(verified.path("reason").textValue()).isEqualTo("blocked");
        assertThat(event.path("reason").textValue()).isEqualTo("ip");
        assertThat(event.path("solveMs").isNull()).isTrue();
    }

    private static JsonNode check(String sessionId, String ip) {
        String body = "{\"clientIp\":\"" + ip + "\",\"userAgent\":\"" + SCRIPT_UA + "\",\"sessionId\":\"" + sessionId
                + "\",\"cookieState\":\"stale\",\"challengePassed\":false,\"host\":\"shop.example\","
                + "\"method\":\"GET\",\"path\":\"/products/7\",\"query\":\"q=shoes\",\"headers\":{\"accept\":\"*/*\"}}";
        Http.Response response = http.post("/v1/check", EDGE_KEY, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode verify(String token, String answer, String sessionId, String ip) throws Exception {
        return http.post("/v1/challenge/verify", EDGE_KEY, MAPPER.writeValueAsString(Map.of("token", token,
                "answer", answer, "clientIp", ip, "userAgent", SCRIPT_UA, "sessionId", sessionId))).json();
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(String sessionId, String kind) {
        return awaitEvent(r -> sessionId.equals(r.key()) && kind.equals(json(r).path("event").textValue()));
    }

    private static synchronized ConsumerRecord<String, byte[]> awaitEvent(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(wanted).findFirst().orElse(null);
        }, r -> r != null);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
