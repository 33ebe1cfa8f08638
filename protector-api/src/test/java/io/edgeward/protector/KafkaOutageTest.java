package io.edgeward.protector;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Http.checkBody;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With its own broker, stopped and restarted: checks never depend on Kafka being up. */
class KafkaOutageTest {

    private final Path dataDir = Path.of("target", "kafka-outage-" + UUID.randomUUID()).toAbsolutePath();
    private KafkaBroker broker;

    @BeforeEach
    void startBroker() {
        broker = KafkaBroker.start(dataDir);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
        KafkaBroker.deleteDataDir(dataDir);
    }

    private static String action(Http http, String ip) {
        return http.post("/v1/check", EDGE_KEY, checkBody(ip, CHROME)).json().path("action").asText();
    }

    @Test
    void checks_answer_from_memory_while_kafka_is_down_and_admin_writes_resume_after() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        ProtectorConfig config = Protectors.config(broker, "decisions-outage")
                .adminWriteTimeout(Duration.ofSeconds(3)).build();
        try (ProtectorServer server = Protectors.start(config, clock)) {
            Http http = new Http(server.port());
            assertThat(http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"198.51.100.1","action":"block","duration":"PT1H"}""").status()).isEqualTo(201);

            broker.stop();
            assertThat(action(http, "198.51.100.1")).isEqualTo("block");
            assertThat(action(http, "198.51.100.2")).isEqualTo("allow");
            Http.Response refused = http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"198.51.100.2","action":"block","duration":"PT1H"}""");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("error").asText()).isEqualTo("unavailable");

            broker.restart();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"198.51.100.3","action":"challenge","duration":"PT1H"}""").status()).isEqualTo(201));
            assertThat(action(http, "198.51.100.3")).isEqualTo("challenge");
            assertThat(action(http, "198.51.100.1")).isEqualTo("block");
        }
    }
}
