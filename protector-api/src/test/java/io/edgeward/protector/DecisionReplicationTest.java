package io.edgeward.protector;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Http.checkBody;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions live in the compacted topic: instances agree, rebuild on restart, and serve other producers' records. */
@ExtendWith(KafkaBrokerExtension.class)
class DecisionReplicationTest {

    final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));

    private static String action(Http http, String ip) {
        Http.Response r = http.post("/v1/check", EDGE_KEY, checkBody(ip, CHROME));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("action").asText();
    }

    private static String topic(String name) {
        return "decisions-" + name + "-" + System.nanoTime();
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @Test
    void two_instances_on_one_topic_answer_the_same(KafkaBroker broker) {
        String topic = topic("two");
        try (ProtectorServer a = Protectors.start(broker, topic, clock);
             ProtectorServer b = Protectors.start(broker, topic, clock)) {
            Http httpA = new Http(a.port());
            Http httpB = new Http(b.port());
            Http.Response added = httpA.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"cidr","value":"198.51.100.0/24","action":"block","duration":"PT10M","reason":"botnet"}""");
            assertThat(added.status()).isEqualTo(201);
            assertThat(action(httpA, "198.51.100.50")).isEqualTo("block");
            await().untilAsserted(() -> assertThat(action(httpB, "198.51.100.50")).isEqualTo("block"));

            String id = added.json().path("id").asText();
            assertThat(httpB.delete("/v1/admin/decisions/" + id, ADMIN_TOKEN).status()).isEqualTo(204);
            assertThat(action(httpB, "198.51.100.50")).isEqualTo("allow");
            await().untilAsserted(() -> assertThat(action(httpA, "198.51.100.50")).isEqualTo("allow"));
        }
    }

    @Test
    void a_restarted_instance_rebuilds_its_decisions_from_the_topic(KafkaBroker broker) {
        String topic = topic("restart");
        try (ProtectorServer first = Protectors.start(broker, topic, clock)) {
            Http http = new Http(first.port());
            assertThat(http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"203.0.113.10","action":"block","duration":"PT1H"}""").status()).isEqualTo(201);
            assertThat(http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"203.0.113.11","action":"challenge","duration":"PT1H"}""").status()).isEqualTo(201);
            String removed = http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"203.0.113.12","action":"block","duration":"PT1H"}""").json().path("id").asText();
            assertThat(http.delete("/v1/admin/decisions/" + removed, ADMIN_TOKEN).status()).isEqualTo(204);
            assertThat(http.post("/v1/admin/allowlist", ADMIN_TOKEN, """
                    {"scope":"ip","value":"203.0.113.13"}""").status()).isEqualTo(201);
        }
        try (ProtectorServer restarted = Protectors.start(broker, topic, clock)) {
            Http http = new Http(restarted.port());
            assertThat(action(http, "203.0.113.10")).isEqualTo("block");
            assertThat(action(http, "203.0.113.11")).isEqualTo("challenge");
            assertThat(action(http, "203.0.113.12")).isEqualTo("allow");
            assertThat(http.get("/v1/admin/allowlist", ADMIN_TOKEN).json().path("items")).hasSize(1);
            assertThat(http.get("/v1/admin/decisions", ADMIN_TOKEN).json().path("items")).hasSize(2);
        }
    }

    @Test
    void a_decision_written_by_another_producer_is_served_and_its_tombstone_removes_it(KafkaBroker broker) throws Exception {
        String topic = topic("detection");
        try (ProtectorServer server = Protectors.start(broker, topic, clock);
             KafkaProducer<String, String> detection = producer(broker)) {
            Http http = new Http(server.port());
            String key = "decision|ip|2001:db8::42";
            detection.send(new ProducerRecord<>(topic, key, """
                    {"id":"det-1","list":"decision","scope":"ip","value":"2001:db8::42","action":"challenge",
                     "reason":"scraping without assets","source":"detection:scraping.no-assets",
                     "createdAt":"2026-11-23T11:59:00Z","expiresAt":"2026-11-23T12:15:00Z"}""")).get();
            await().untilAsserted(() -> assertThat(action(http, "2001:db8:0:0::42")).isEqualTo("challenge"));
            Http.Response answer = http.post("/v1/check", EDGE_KEY, checkBody("2001:db8::42", CHROME));
            assertThat(answer.json().path("decisionId").asText()).isEqualTo("det-1");
            assertThat(answer.json().path("reason").asText()).isEqualTo("scraping without assets");

            detection.send(new ProducerRecord<>(topic, key, null)).get();
            await().untilAsserted(() -> assertThat(action(http, "2001:db8::42")).isEqualTo("allow"));
        }
    }

    @Test
    void an_invalid_record_is_skipped_and_later_records_still_apply(KafkaBroker broker) throws Exception {
        String topic = topic("invalid");
        broker.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        try (KafkaProducer<String, String> detection = producer(broker)) {
            detection.send(new ProducerRecord<>(topic, "decision|ip|not-an-ip", "{\"scope\":\"ip\",\"value\":\"not-an-ip\",\"action\":\"block\"}")).get();
            detection.send(new ProducerRecord<>(topic, "decision|ip|192.0.2.5", "{not json")).get();
            detection.send(new ProducerRecord<>(topic, "decision|ip|192.0.2.6", """
                    {"id":"det-2","scope":"ip","value":"192.0.2.6","action":"block","createdAt":"2026-11-23T11:00:00Z",
                     "expiresAt":"2026-11-23T13:00:00Z","futureField":{"x":1}}""")).get();
            detection.send(new ProducerRecord<>(topic, "decision|ip|192.0.2.7", """
                    {"id":"det-3","scope":"ip","value":"192.0.2.7","action":"block","createdAt":"2026-11-23T10:00:00Z",
                     "expiresAt":"2026-11-23T11:00:00Z"}""")).get();
            detection.send(new ProducerRecord<>(topic, "decision|ip|192.0.2.8", """
                    {"id":"det-4","scope":"ip","value":"192.0.2.9","action":"block"}""")).get();
        }
        try (ProtectorServer server = Protectors.start(broker, topic, clock)) {
            Http http = new Http(server.port());
            assertThat(action(http, "192.0.2.6")).isEqualTo("block");
            assertThat(action(http, "192.0.2.5")).isEqualTo("allow");
            assertThat(action(http, "192.0.2.7")).as("expired before we started").isEqualTo("allow");
            assertThat(action(http, "192.0.2.8")).as("key and value disagree").isEqualTo("allow");
            assertThat(action(http, "192.0.2.9")).as("key and value disagree").isEqualTo("allow");
            assertThat(http.get("/v1/admin/decisions", ADMIN_TOKEN).json().path("items")).hasSize(1);
        }
    }
}
