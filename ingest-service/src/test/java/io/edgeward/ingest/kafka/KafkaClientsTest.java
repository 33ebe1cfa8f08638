package io.edgeward.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.ingest.ConfigException;
import io.edgeward.ingest.IngestConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Ingest's producer and admin client are built from the shared Kafka settings, whatever the environment says. */
class KafkaClientsTest {

    private static final String KEY = "a-key-of-sixteen-chars";
    private static final Map<String, String> MSK_IAM = Map.of("EDGEWARD_INGEST_KEY", KEY,
            "EDGEWARD_KAFKA_BOOTSTRAP", "b-1.msk.example:9098",
            "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM");

    @Test
    void ingest_producer_and_admin_use_msk_iam_when_configured() {
        IngestConfig config = IngestConfig.fromEnvironment(MSK_IAM);

        for (Properties props : new Properties[] {KafkaClients.producerProperties(config),
                KafkaClients.adminProperties(config)}) {
            assertThat(props)
                    .containsEntry("bootstrap.servers", "b-1.msk.example:9098")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                    .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                    .containsEntry("sasl.client.callback.handler.class",
                            "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }
        assertThat(KafkaClients.producerProperties(config)).containsEntry("acks", "all");
    }

    @Test
    void msk_iam_settings_make_a_client_kafka_accepts() {
        // the MSK library is on the class path and the JAAS line parses: construction logs in, no broker is needed
        Properties props = KafkaClients.producerProperties(IngestConfig.fromEnvironment(MSK_IAM));
        props.put("bootstrap.servers", "127.0.0.1:9098"); // resolvable; nothing is sent
        try (var producer = new KafkaProducer<byte[], byte[]>(props)) {
            assertThat(producer.metrics()).isNotEmpty();
        }
    }

    @Test
    void unknown_security_protocol_is_rejected_at_start() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("EDGEWARD_KAFKA_SECURITY_PROTOCOL must be one of [PLAINTEXT, SSL, SASL_SSL], "
                        + "was 'SASL_PLAINTEXT'");
    }

    @Test
    void store_passwords_never_appear_in_the_printed_configuration() throws Exception {
        java.nio.file.Path store = java.nio.file.Files.createTempFile("truststore", ".p12");
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me-0123456789"));
        assertThat(config.toString()).contains("protocol=SSL").doesNotContain("trust-me-0123456789");
    }
}
