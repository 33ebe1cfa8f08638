package io.edgeward.local.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalConfigTest {

    private static final LocalSecrets SECRETS = new LocalSecrets("admin-token-0123456789", "edge-key-0123456789ab",
            "ingest-key-0123456789", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", List.of());

    @Test
    void defaults_are_the_documented_ports_and_mode() {
        LocalConfig config = LocalConfig.builder(SECRETS).build();

        assertThat(List.of(config.frontPort(), config.protectorPort(), config.ingestPort(), config.originPort(),
                config.kafkaPort())).containsExactly(8080, 8081, 8082, 8090, 9092);
        assertThat(config.mode()).isEqualTo("mitigate");
        assertThat(config.trustForwardedFor()).isFalse();
        assertThat(config.origin()).isNull();
        assertThat(config.logsTopic()).isEqualTo("edgeward.logs");
        assertThat(config.decisionsTopic()).isEqualTo("edgeward.decisions");
    }

    @Test
    void bad_values_are_rejected_with_the_value_in_the_message() {
        assertThatThrownBy(() -> LocalConfig.builder(SECRETS).mode("block-everything").build())
                .hasMessageContaining("local.mode").hasMessageContaining("block-everything");
        assertThatThrownBy(() -> LocalConfig.builder(SECRETS).frontPort(70000).build())
                .hasMessageContaining("local.frontPort").hasMessageContaining("70000");
        assertThatThrownBy(() -> LocalConfig.builder(SECRETS).origin(URI.create("ftp://example.com")).build())
                .hasMessageContaining("local.origin").hasMessageContaining("ftp://example.com");
        assertThatThrownBy(() -> LocalConfig.builder(SECRETS).protectorTimeout(Duration.ZERO).build())
                .hasMessage("local.protectorTimeout must be > 0, was PT0S");
        assertThatThrownBy(() -> LocalConfig.builder(SECRETS).country("Germany").build())
                .hasMessageContaining("Germany");
    }

    @Test
    void unset_secrets_are_generated_and_listed_set_ones_are_kept() {
        LocalSecrets secrets = LocalSecrets.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", "my-own-admin-token-123"),
                new SecureRandom());

        assertThat(secrets.adminToken()).isEqualTo("my-own-admin-token-123");
        assertThat(secrets.generated()).containsExactly("EDGEWARD_EDGE_KEY", "EDGEWARD_INGEST_KEY",
                "EDGEWARD_COOKIE_KEY");
        assertThat(secrets.edgeKey()).isNotEqualTo(secrets.ingestKey()).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void short_secret_is_rejected_without_showing_it() {
        assertThatThrownBy(() -> LocalSecrets.fromEnvironment(Map.of("EDGEWARD_EDGE_KEY", "hunter2"), new SecureRandom()))
                .hasMessageContaining("EDGEWARD_EDGE_KEY").hasMessageNotContaining("hunter2");
    }

    @Test
    void a_variable_of_a_service_the_stack_runs_is_known_but_a_typo_is_refused() {
        LocalSecrets secrets = LocalSecrets.fromEnvironment(Map.of("EDGEWARD_PROTECTOR_PORT", "9081",
                "EDGEWARD_KAFKA_BOOTSTRAP", "kafka:9092", "EDGEWARD_DETECTION_THREADS", "2"), new SecureRandom());

        assertThat(secrets.generated()).hasSize(4);
        assertThatThrownBy(() -> LocalSecrets.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKN", "my-own-admin-token-123"),
                new SecureRandom())).hasMessageStartingWith("unknown variable EDGEWARD_ADMIN_TOKN (did you mean"
                        + " EDGEWARD_ADMIN_TOKEN?)").hasMessageNotContaining("my-own-admin-token-123");
    }

    @Test
    void secrets_never_appear_in_to_string() {
        assertThat(SECRETS.toString()).doesNotContain("admin-token", "edge-key", "ingest-key", "AAECAw");
    }

    @Test
    void edge_config_carries_this_runs_endpoints_keys_and_mode() {
        LocalConfig config = LocalConfig.builder(SECRETS).mode("inject").logSkipExtensions(List.of("png")).build();

        JsonNode edge = EdgeConfigJson.build(config, "http://127.0.0.1:1", "http://127.0.0.1:2");

        assertThat(edge.at("/protector/url").asText()).isEqualTo("http://127.0.0.1:1");
        assertThat(edge.at("/protector/apiKey").asText()).isEqualTo(SECRETS.edgeKey());
        assertThat(edge.at("/ingest/url").asText()).isEqualTo("http://127.0.0.1:2");
        assertThat(edge.at("/ingest/apiKey").asText()).isEqualTo(SECRETS.ingestKey());
        assertThat(edge.at("/cookie/keys/local").asText()).isEqualTo(SECRETS.cookieKey());
        assertThat(edge.at("/mode").asText()).isEqualTo("inject");
        assertThat(edge.at("/logging/skipExtensions/0").asText()).isEqualTo("png");
    }
}
