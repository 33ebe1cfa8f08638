package io.edgeward.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.detection.topology.Topics;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.kafka.broker.TlsKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine configured only through {@code EDGEWARD_KAFKA_*} reads logs and writes a decision through a listener
 * that speaks nothing but TLS and wants a client certificate: Streams' consumers, producers and admin client all
 * have to carry the settings, or no decision comes out.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DetectionOverTlsTest {

    @Test
    void detection_speaks_ssl_when_configured(TlsKafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("tls-logs-" + run, "tls-detections-" + run, "tls-decisions-" + run);
        kafka.broker().createTopic(topics.logs(), 1, Map.of());
        kafka.broker().createTopic(topics.detections(), 1, Map.of());
        String password = kafka.tls().password();
        Map<String, String> env = new HashMap<>(Map.of(
                "EDGEWARD_KAFKA_BOOTSTRAP", kafka.broker().mutualTlsBootstrapServers(),
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().truststore().toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", password,
                "EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", kafka.tls().clientKeystore().toString(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", password,
                "EDGEWARD_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12"));
        env.putAll(Map.of(
                "EDGEWARD_DETECTION_APP_ID", "detection-tls-" + run,
                "EDGEWARD_DETECTION_STATE_DIR", Path.of("target", "tls-state", run).toAbsolutePath().toString(),
                "EDGEWARD_DETECTION_COMMIT", "PT0.2S",
                "EDGEWARD_LOGS_TOPIC", topics.logs(),
                "EDGEWARD_DETECTIONS_TOPIC", topics.detections(),
                "EDGEWARD_DECISIONS_TOPIC", topics.decisions(),
                "EDGEWARD_DETECTION_DLQ_TOPIC", "tls-dlq-" + run));
        DetectionConfig config = DetectionConfig.fromEnvironment(env);

        try (DetectionEngine engine = DetectionEngine.start(config);
             var producer = new KafkaProducer<>(kafka.sslClientProperties(), new StringSerializer(),
                     new StringSerializer())) {
            long start = Instant.now().toEpochMilli();
            for (int i = 0; i < 10; i++) {
                String json = """
                        {"v":1,"time":"%s","requestId":"r%d","clientIp":"198.51.100.9","method":"POST",
                         "path":"/cart/add","status":200,"userAgent":"Mozilla/5.0","acceptLanguage":"en",
                         "sessionId":"sess-%s","cookieState":"valid","action":"allow","mode":"mitigate"}"""
                        .formatted(Instant.ofEpochMilli(start + i * 1000L), i, run);
                producer.send(new ProducerRecord<>(topics.logs(), null, start + i * 1000L, "198.51.100.9", json));
            }
            producer.flush();

            Map<String, Object> consumerProps = new HashMap<>(kafka.sslClientProperties());
            consumerProps.put("group.id", "tls-it-" + run);
            consumerProps.put("auto.offset.reset", "earliest");
            List<ConsumerRecord<String, String>> decisions = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topics.decisions()));
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(decisions::add);
                    return !decisions.isEmpty();
                });
            }
            assertThat(decisions.get(0).key()).isEqualTo("decision|session|sess-" + run);
        }
    }
}
