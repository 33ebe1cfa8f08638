package io.edgeward.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerTest {

    @Test
    void shared_broker_accepts_and_returns_records(KafkaBroker broker) throws Exception {
        String topic = "t-" + UUID.randomUUID();
        broker.createTopic(topic, 2, Map.of());

        send(broker, topic, "hello");

        assertThat(readAll(broker, topic)).containsExactly("hello");
    }

    @Test
    void restarted_broker_keeps_acknowledged_records_and_its_port() throws Exception {
        Path dir = Path.of("target", "kafka-restart-" + UUID.randomUUID()).toAbsolutePath();
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            String topic = "restart";
            broker.createTopic(topic, 1, Map.of());
            send(broker, topic, "before");
            int port = broker.port();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(readAll(broker, topic)).containsExactly("before");
        } finally {
            KafkaBroker.deleteDataDir(dir);
        }
    }

    private static void send(KafkaBroker broker, String topic, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> readAll(KafkaBroker broker, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var values = new java.util.ArrayList<String>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
            return values;
        }
    }
}
