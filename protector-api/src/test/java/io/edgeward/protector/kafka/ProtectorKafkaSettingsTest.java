package io.edgeward.protector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.protector.ProtectorConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Protector's decision producer and materializer are built from the shared Kafka settings. */
class ProtectorKafkaSettingsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "EDGEWARD_EDGE_KEY", "edge-key-0123456789abcdef", "EDGEWARD_ADMIN_TOKEN", "admin-token-0123456789abcdef");

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(SECRETS);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void protector_clients_use_msk_iam_when_configured() {
        ProtectorConfig config = ProtectorConfig.fromEnvironment(env(
                "EDGEWARD_KAFKA_BOOTSTRAP", "b-1.msk.example:9098",
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM"));

        for (Properties props : new Properties[] {DecisionLog.properties(config.kafka(), Duration.ofSeconds(10)),
                DecisionMaterializer.properties(config.kafka())}) {
            assertThat(props)
                    .containsEntry("bootstrap.servers", "b-1.msk.example:9098")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                    .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                    .containsEntry("sasl.client.callback.handler.class",
                            "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }
        assertThat(config.kafkaBootstrapServers()).isEqualTo("b-1.msk.example:9098");
    }

    @Test
    void plaintext_stays_the_default() {
        ProtectorConfig config = ProtectorConfig.fromEnvironment(env());
        assertThat(DecisionMaterializer.properties(config.kafka()))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void unknown_security_protocol_is_rejected_at_start() {
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EDGEWARD_KAFKA_SECURITY_PROTOCOL must be one of [PLAINTEXT, SSL, SASL_SSL], was 'TLS'");
    }
}
