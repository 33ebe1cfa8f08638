package io.edgeward.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Streams configuration carries the shared Kafka settings to every client Kafka Streams creates. */
class DetectionKafkaSettingsTest {

    @Test
    void detection_streams_use_msk_iam_when_configured() {
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of(
                "EDGEWARD_KAFKA_BOOTSTRAP", "b-1.msk.example:9098",
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM"));

        Properties props = DetectionEngine.properties(config);

        assertThat(props)
                .containsEntry("bootstrap.servers", "b-1.msk.example:9098")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler")
                .containsEntry("application.id", "edgeward-detection");
    }

    @Test
    void detection_streams_use_the_trust_store_when_configured() throws Exception {
        java.nio.file.Path store = java.nio.file.Files.createTempFile("truststore", ".p12");
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of(
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me-0123456789"));

        assertThat(DetectionEngine.properties(config))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", store.toString())
                .containsEntry("ssl.truststore.password", "trust-me-0123456789");
        assertThat(config.toString()).doesNotContain("trust-me-0123456789");
    }

    @Test
    void a_truststore_without_tls_is_rejected_at_start() throws Exception {
        java.nio.file.Path store = java.nio.file.Files.createTempFile("truststore", ".p12");
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of(
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString())))
                .hasMessageStartingWith("EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION is set but "
                        + "EDGEWARD_KAFKA_SECURITY_PROTOCOL is PLAINTEXT");
    }
}
