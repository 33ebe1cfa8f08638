package io.edgeward.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.detection.topics.JsonSerde;
import io.edgeward.detection.topology.Topics;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine on a real broker: log records in, a decision out on the compacted decisions topic. */
@ExtendWith(KafkaBrokerExtension.class)
class DetectionEngineKafkaTest {

    @Test
    void scalping_logs_in_give_a_decision_out(KafkaBroker broker) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("logs-" + run, "detections-" + run, "decisions-" + run);
        broker.createTopic(topics.logs(), 2, Map.of());
        broker.createTopic(topics.detections(), 1, Map.of());
        broker.createTopic(topics.decisions(), 1, Map.of("cleanup.policy", "compact"));
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of(
                "EDGEWARD_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "EDGEWARD_DETECTION_APP_ID", "detection-it-" + run,
                "EDGEWARD_DETECTION_STATE_DIR", Path.of("target", "it-state", run).toString(),
                "EDGEWARD_LOGS_TOPIC", topics.logs(), "EDGEWARD_DETECTIONS_TOPIC", topics.detections(),
                "EDGEWARD_DECISIONS_TOPIC", topics.decisions(), "EDGEWARD_DETECTION_DLQ_TOPIC", "dlq-" + run,
                "EDGEWARD_DETECTION_COMMIT", "PT0.2S", "EDGEWARD_DETECTION_WINDOW_CHANGELOG", "true"));

        try (DetectionEngine engine = DetectionEngine.start(config);
             KafkaProducer<String, String> producer = producer(broker)) {
            long start = Instant.now().toEpochMilli();
            producer.send(new ProducerRecord<>(topics.logs(), null, start, "198.51.100.7", "{broken")).get();
            for (int i = 0; i < 10; i++) {
                String json = """
                        {"v":1,"time":"%s","requestId":"r%d","clientIp":"198.51.100.7","method":"POST",
                         "path":"/cart/add","status":200,"userAgent":"Mozilla/5.0","acceptLanguage":"en",
                         "sessionId":"sess-%s","cookieState":"valid","action":"allow","mode":"mitigate"}"""
                        .formatted(Instant.ofEpochMilli(start + i * 1000L), i, run);
                producer.send(new ProducerRecord<>(topics.logs(), null, start + i * 1000L, "198.51.100.7", json));
            }
            producer.flush();

            List<ConsumerRecord<String, String>> decisions = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = consumer(broker, topics.decisions())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(decisions::add);
                    return !decisions.isEmpty();
                });
            }

            ConsumerRecord<String, String> decision = decisions.get(0);
            assertThat(decision.key()).isEqualTo("decision|session|sess-" + run);
            JsonNode value = JsonSerde.MAPPER.readTree(decision.value());
            assertThat(value.get("action").asText()).isEqualTo("challenge");
            assertThat(value.get("source").asText()).isEqualTo("detection:scalping.cart-add");
            assertThat(value.get("id").asText()).isNotBlank();
            assertThat(Instant.parse(value.get("expiresAt").asText()))
                    .isEqualTo(Instant.parse(value.get("createdAt").asText()).plus(Duration.ofMinutes(15)));
            try (KafkaConsumer<String, String> dlq = consumer(broker, "dlq-" + run)) {
                List<ConsumerRecord<String, String>> dead = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                    return !dead.isEmpty();
                });
                assertThat(dead.get(0).value()).isEqualTo("{broken");
            }
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
