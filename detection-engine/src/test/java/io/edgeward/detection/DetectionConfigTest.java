package io.edgeward.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionConfigTest {

    @Test
    void defaults_from_an_empty_environment() {
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.topics().decisions()).isEqualTo("edgeward.decisions");
        assertThat(config.policyFile()).isNull();
        assertThat(config.streamThreads()).isEqualTo(1);
        assertThat(config.windowChangelogs()).isFalse();
        assertThat(config.cacheBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void environment_overrides_are_read() {
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of("EDGEWARD_KAFKA_BOOTSTRAP", "kafka:9092",
                "EDGEWARD_POLICY_FILE", "/etc/edgeward/policy.yaml", "EDGEWARD_LOGS_TOPIC", "logs",
                "EDGEWARD_POLICY_RELOAD", "PT30S", "EDGEWARD_DETECTION_THREADS", "4"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.policyFile()).isEqualTo(Path.of("/etc/edgeward/policy.yaml"));
        assertThat(config.topics().logs()).isEqualTo("logs");
        assertThat(config.policyReloadInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.streamThreads()).isEqualTo(4);
    }

    @Test
    void blank_numbers_and_durations_mean_the_default() {
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_THREADS", " ",
                "EDGEWARD_POLICY_RELOAD", "", "EDGEWARD_DETECTION_COMMIT", " PT2S "));

        assertThat(config.streamThreads()).isEqualTo(1);
        assertThat(config.policyReloadInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void bad_values_are_rejected_with_the_value() {
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_POLICY_RELOAD", "5s")))
                .hasMessage("EDGEWARD_POLICY_RELOAD must be an ISO-8601 duration like PT5S, was 5s");
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_COMMIT", "PT0S")))
                .hasMessage("EDGEWARD_DETECTION_COMMIT must be > 0, was PT0S");
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_WINDOW_CHANGELOG", "yes")))
                .hasMessage("EDGEWARD_DETECTION_WINDOW_CHANGELOG must be true or false, was yes");
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL")))
                .hasMessage("EDGEWARD_KAFKA_SECURITY_PROTOCOL must be one of [PLAINTEXT, SSL, SASL_SSL], was 'SASL'");
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_THREADS", "0")))
                .hasMessage("EDGEWARD_DETECTION_THREADS must be >= 1, was 0");
        // blank means unset, as for every EDGEWARD_ variable (service-env's EnvReader)
        assertThat(DetectionConfig.fromEnvironment(Map.of("EDGEWARD_KAFKA_BOOTSTRAP", " ")).bootstrapServers())
                .isEqualTo("127.0.0.1:9092");
    }

    @Test
    void a_cache_past_two_gibibytes_is_read_as_a_long() {
        DetectionConfig config = DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_CACHE_BYTES",
                "4294967296"));

        assertThat(config.cacheBytes()).isEqualTo(4L * 1024 * 1024 * 1024);
    }

    @Test
    void an_unknown_variable_is_refused_naming_the_nearest_known_one() {
        assertThatThrownBy(() -> DetectionConfig.fromEnvironment(Map.of("EDGEWARD_DETECTION_THREAD", "2")))
                .hasMessage("unknown variable EDGEWARD_DETECTION_THREAD (did you mean EDGEWARD_DETECTION_THREADS?)"
                        + " for detection");
    }
}
