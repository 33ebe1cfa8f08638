package io.edgeward.protector;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtectorConfigTest {

    static final String EDGE = "edge-key-0123456789abcdef";
    static final String ADMIN = "admin-token-0123456789abcdef";

    private static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>(Map.of("EDGEWARD_EDGE_KEY", EDGE, "EDGEWARD_ADMIN_TOKEN", ADMIN));
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    @Test
    void defaults_apply_when_only_the_secrets_are_set() {
        ProtectorConfig c = ProtectorConfig.fromEnvironment(env());
        assertThat(c.port()).isEqualTo(8081);
        assertThat(c.allowTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.decisionsTopic()).isEqualTo("edgeward.decisions");
        assertThat(c.edgeKeys()).containsExactly(EDGE);
        assertThat(c.metricsToken()).isNull();
    }

    @Test
    void challenge_events_go_to_edgeward_challenges_unless_the_topic_is_set_empty() {
        assertThat(ProtectorConfig.fromEnvironment(env()).challengesTopic()).isEqualTo("edgeward.challenges");
        assertThat(ProtectorConfig.fromEnvironment(env("EDGEWARD_CHALLENGES_TOPIC", "site.challenges"))
                .challengesTopic()).isEqualTo("site.challenges");
        ProtectorConfig off = ProtectorConfig.fromEnvironment(env("EDGEWARD_CHALLENGES_TOPIC", ""));
        assertThat(off.challengesTopic()).isEmpty();
        assertThat(off.publishesChallengeEvents()).isFalse();
        assertThat(ProtectorConfig.builder().edgeKey(EDGE).adminToken(ADMIN).challengesTopic("").build()
                .publishesChallengeEvents()).isFalse();
    }

    @Test
    void a_challenges_topic_kafka_would_refuse_stops_start_up() {
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_CHALLENGES_TOPIC", "bad topic")))
                .hasMessageContaining("protector.challengesTopic must be a Kafka topic name")
                .hasMessageContaining("'bad topic'");
    }

    @Test
    void several_edge_keys_can_be_accepted_for_rotation() {
        ProtectorConfig c = ProtectorConfig.fromEnvironment(env("EDGEWARD_EDGE_KEYS", EDGE + ", second-key-0123456789"));
        assertThat(c.edgeKeys()).containsExactly(EDGE, "second-key-0123456789");
    }

    @Test
    void a_bad_value_is_named_with_the_value() {
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_ALLOW_TTL", "PT0S")))
                .hasMessage("EDGEWARD_PROTECTOR_ALLOW_TTL must be > 0, was PT0S");
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_PORT", "eighty")))
                .hasMessage("EDGEWARD_PROTECTOR_PORT must be an integer, was 'eighty'");
    }

    @Test
    void an_unknown_protector_variable_is_rejected() {
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_PROT", "1")))
                .hasMessageContaining("unknown variable EDGEWARD_PROTECTOR_PROT (did you mean EDGEWARD_PROTECTOR_PORT?)");
    }

    @Test
    void short_or_shared_secrets_are_rejected_without_echoing_them() {
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_ADMIN_TOKEN", "hunter2")))
                .hasMessageContaining("protector.adminToken must be at least 16 characters")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_ADMIN_TOKEN", EDGE)))
                .hasMessage("protector.adminToken must differ from every edge key");
    }

    @Test
    void challenge_and_kafka_variables_are_known_to_protector_but_a_typo_among_them_is_not() {
        assertThat(ProtectorConfig.fromEnvironment(env("EDGEWARD_CHALLENGE_DIFFICULTY", "20",
                "EDGEWARD_KAFKA_BOOTSTRAP", "kafka:9092")).challenge().difficulty()).isEqualTo(20);
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_CHALLENGE_DIFFICULY", "20")))
                .hasMessageContaining("EDGEWARD_CHALLENGE_DIFFICULY (did you mean EDGEWARD_CHALLENGE_DIFFICULTY?)");
    }

    @Test
    void the_effective_configuration_masks_every_secret() {
        String text = ProtectorConfig.ENV.read(env("EDGEWARD_METRICS_TOKEN", "metrics-token-0123456789",
                "EDGEWARD_CHALLENGE_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")).effectiveConfiguration();
        assertThat(text).doesNotContain(EDGE).doesNotContain(ADMIN).doesNotContain("metrics-token-0123456789")
                .doesNotContain("AAECAwQF").contains("EDGEWARD_ADMIN_TOKEN=*** (set)")
                .contains("EDGEWARD_PROTECTOR_PORT=8081 (default)").contains("EDGEWARD_CHALLENGE_KEY=*** (set)");
    }

    @Test
    void to_string_masks_every_secret() {
        String text = ProtectorConfig.fromEnvironment(env("EDGEWARD_METRICS_TOKEN", "metrics-token-0123456789")).toString();
        assertThat(text).doesNotContain(EDGE).doesNotContain(ADMIN).doesNotContain("metrics-token-0123456789").contains("***");
    }

    @Test
    void decision_memory_and_check_settings_are_read_and_validated() {
        ProtectorConfig c = ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_DECISIONS_MAX_ENTRIES", "5000",
                "EDGEWARD_PROTECTOR_PASS_EXEMPTION", "PT10M", "EDGEWARD_PROTECTOR_GOOD_STANDING_MIN_AGE", "PT30S"));
        assertThat(c.decisionMemory().maxEntries()).isEqualTo(5000);
        assertThat(c.checks().passExemption()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(c.checks().goodStandingMinAge()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(c.checks().goodStandingMinGeneration()).isEqualTo(1);
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_DECISIONS_MAX_ENTRIES", "10")))
                .hasMessageContaining("EDGEWARD_PROTECTOR_DECISIONS_MAX_ENTRIES must be >= 100, was 10");
        assertThatThrownBy(() -> ProtectorConfig.fromEnvironment(env("EDGEWARD_PROTECTOR_PASS_EXEMPTION", "-PT1M")))
                .hasMessageContaining("EDGEWARD_PROTECTOR_PASS_EXEMPTION must be >= PT0S, was PT-1M");
    }
}
