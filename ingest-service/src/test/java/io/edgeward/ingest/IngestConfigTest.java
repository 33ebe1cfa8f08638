package io.edgeward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static final String KEY = "a-key-of-sixteen-chars";

    @Test
    void defaults_apply_when_only_a_key_is_given() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY, "PATH", "/usr/bin"));

        assertThat(config.port()).isEqualTo(8082);
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.topic()).isEqualTo("edgeward.logs");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.effectiveMetricsKeys()).containsExactly(KEY);
    }

    @Test
    void the_single_key_and_the_key_list_are_merged_for_rotation() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_KEYS", "second-key-0123456789, third-key-0123456789",
                "EDGEWARD_INGEST_REQUEST_TIMEOUT", "PT5S", "EDGEWARD_KAFKA_BOOTSTRAP", "kafka:9092"));

        assertThat(config.apiKeys()).containsExactly(KEY, "second-key-0123456789", "third-key-0123456789");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void keys_never_appear_in_to_string() {
        IngestConfig config = IngestConfig.builder().apiKeys(List.of(KEY)).metricsKeys(List.of("metrics-key-0123456789"))
                .build();

        assertThat(config.toString()).doesNotContain(KEY).doesNotContain("metrics-key").contains("1 key(s) ***");
    }

    @Test
    void a_bad_value_fails_with_the_setting_and_the_value_in_the_message() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_REQUEST_TIMEOUT", "PT0S")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("EDGEWARD_INGEST_REQUEST_TIMEOUT must be >= PT1S, was PT0S");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("EDGEWARD_INGEST_PORT must be an integer, was eighty");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_COMPRESSION", "brotli")))
                .hasMessageContaining("EDGEWARD_INGEST_COMPRESSION must be one of").hasMessageEndingWith("was brotli");
    }

    @Test
    void a_missing_or_short_key_fails_without_echoing_it() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of())).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", "short-secret")))
                .hasMessage("ingest.apiKeys[0] must be at least 16 characters without surrounding spaces, was 12"
                        + " characters");
    }

    @Test
    void an_unknown_ingest_variable_is_rejected() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_MAX_RECORD", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown variable EDGEWARD_INGEST_MAX_RECORD (did you mean"
                        + " EDGEWARD_INGEST_MAX_RECORDS?)");
    }

    @Test
    void a_replication_factor_past_a_short_is_refused_not_wrapped() {
        assertThatThrownBy(() -> IngestConfig.fromEnvironment(Map.of("EDGEWARD_INGEST_KEY", KEY,
                "EDGEWARD_INGEST_REPLICATION", "65537")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("EDGEWARD_INGEST_REPLICATION must be between 1 and 32767, was 65537");
    }

    @Test
    void the_effective_configuration_names_every_variable_and_masks_the_keys() {
        String text = IngestConfig.read(Map.of("EDGEWARD_INGEST_KEY", KEY, "EDGEWARD_INGEST_PORT", "9000",
                "EDGEWARD_KAFKA_BOOTSTRAP", "kafka:9092")).effectiveConfiguration();

        assertThat(text).doesNotContain(KEY).contains("EDGEWARD_INGEST_KEY=*** (set)")
                .contains("EDGEWARD_INGEST_PORT=9000").contains("EDGEWARD_INGEST_TOPIC=edgeward.logs (default)")
                .contains("EDGEWARD_KAFKA_BOOTSTRAP=kafka:9092");
    }

    @Test
    void one_full_batch_must_fit_in_the_in_flight_bound() {
        assertThatThrownBy(() -> IngestConfig.builder().apiKey(KEY).maxRecords(1000).maxInFlightRecords(999).build())
                .hasMessage("ingest.maxInFlightRecords must be >= maxRecords (1000), so that one full batch fits,"
                        + " was 999");
    }
}
