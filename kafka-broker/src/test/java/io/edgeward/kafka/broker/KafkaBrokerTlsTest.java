package io.edgeward.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerTlsTest {

    @Test
    void ssl_listener_round_trips_records_for_a_client_that_trusts_the_test_ca(TlsKafkaBroker tls) throws Exception {
        assertRoundTrip(tls, tls.sslClientProperties());
    }

    @Test
    void mutual_tls_listener_round_trips_records_for_a_client_with_a_certificate(TlsKafkaBroker tls)
            throws Exception {
        assertRoundTrip(tls, tls.mutualTlsClientProperties());
    }

    @Test
    void mutual_tls_listener_refuses_a_client_without_a_certificate(TlsKafkaBroker tls) {
        Map<String, Object> props = tls.tls().clientProperties(tls.broker().mutualTlsBootstrapServers(), false);
        assertThatThrownBy(() -> describeCluster(props))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void a_client_that_trusts_another_ca_refuses_the_broker(TlsKafkaBroker tls) {
        Map<String, Object> props = tls.sslClientProperties();
        props.put("ssl.truststore.location", tls.tls().strangerTruststore().toString());
        assertThatThrownBy(() -> describeCluster(props))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
    }

    private static void describeCluster(Map<String, Object> props) throws Exception {
        Map<String, Object> config = new HashMap<>(props);
        config.put("default.api.timeout.ms", 20_000);
        config.put("request.timeout.ms", 10_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertRoundTrip(TlsKafkaBroker tls, Map<String, Object> props) throws Exception {
        String topic = "tls-" + UUID.randomUUID();
        tls.broker().createTopic(topic, 1, Map.of());
        Map<String, Object> producerProps = new HashMap<>(props);
        producerProps.put("acks", "all");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "over tls")).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerProps = new HashMap<>(props);
        consumerProps.put("group.id", "g-" + UUID.randomUUID());
        consumerProps.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        assertThat(values).containsExactly("over tls");
    }
}
