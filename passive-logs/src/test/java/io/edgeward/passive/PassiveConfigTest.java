package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.passive.parse.RealtimeFields;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassiveConfigTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("EDGEWARD_INGEST_URL", "https://ingest.example",
                "EDGEWARD_INGEST_KEY", "k-123"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void defaults_apply_when_only_the_endpoint_and_key_are_set() {
        PassiveConfig config = PassiveConfig.fromEnvironment(env());

        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.skipExtensions()).isEmpty();
        assertThat(config.maskQueryParams()).as("names besides the built-in defaults").isEmpty();
        assertThat(config.unmaskDefaults()).isEmpty();
        assertThat(config.realtimeFields()).isEqualTo(RealtimeFields.CANONICAL).hasSize(69);
        assertThat(config.ingestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void lists_and_numbers_are_read_from_the_environment() {
        PassiveConfig config = PassiveConfig.fromEnvironment(env("EDGEWARD_BATCH_SIZE", "100",
                "EDGEWARD_SKIP_EXTENSIONS", "css, png ,js", "EDGEWARD_MASK_QUERY_PARAMS", "",
                "EDGEWARD_INGEST_TIMEOUT", "PT3S"));

        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.skipExtensions()).containsExactly("css", "png", "js");
        assertThat(config.maskQueryParams()).isEmpty();
        assertThat(config.ingestTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void real_time_fields_are_put_in_cloudfront_canonical_order() {
        PassiveConfig config = PassiveConfig.fromEnvironment(env("EDGEWARD_REALTIME_FIELDS",
                "cs-uri-stem,timestamp,sc-status,c-ip,cs-method,x-edge-request-id"));

        assertThat(config.realtimeFields())
                .containsExactly("timestamp", "c-ip", "sc-status", "cs-method", "cs-uri-stem", "x-edge-request-id");
    }

    @Test
    void bad_values_are_refused_with_the_value_in_the_message() {
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_BATCH_SIZE", "0")))
                .hasMessage("EDGEWARD_BATCH_SIZE must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_BATCH_SIZE", "lots")))
                .hasMessage("EDGEWARD_BATCH_SIZE must be an integer, was 'lots'");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_INGEST_TIMEOUT", "PT0S")))
                .hasMessage("EDGEWARD_INGEST_TIMEOUT must be > 0, was PT0S");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_INGEST_URL", "ftp://x")))
                .hasMessage("EDGEWARD_INGEST_URL must be an http(s) URL, was ftp://x");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_REALTIME_FIELDS", "c-ip,user-agent")))
                .hasMessage("realtimeFields: 'user-agent' is not a CloudFront real-time log field");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_INGEST_KEY_SECRET_ARN", "arn:x")))
                .hasMessageContaining("exactly one of ingest.key");
        Map<String, String> noUrl = env();
        noUrl.remove("EDGEWARD_INGEST_URL");
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(noUrl)).hasMessageContaining("EDGEWARD_INGEST_URL");
    }

    @Test
    void the_key_is_never_printed() {
        assertThat(PassiveConfig.fromEnvironment(env()).toString()).doesNotContain("k-123").contains("***");
    }

    @Test
    void a_secret_arn_without_a_key_is_accepted_but_refused_when_the_pipeline_starts() {
        Map<String, String> env = env("EDGEWARD_INGEST_KEY_SECRET_ARN", "arn:aws:secretsmanager:x");
        env.remove("EDGEWARD_INGEST_KEY");
        PassiveConfig config = PassiveConfig.fromEnvironment(env);

        assertThatThrownBy(() -> new KinesisLogHandler(config)).hasMessageContaining("not implemented yet");
        assertThat(List.of(config.ingestKeySecretArn())).containsExactly("arn:aws:secretsmanager:x");
    }

    @Test
    void an_unknown_variable_is_refused_and_the_key_never_printed() {
        assertThatThrownBy(() -> PassiveConfig.fromEnvironment(env("EDGEWARD_BATCH_SIZ", "10")))
                .hasMessage("unknown variable EDGEWARD_BATCH_SIZ (did you mean EDGEWARD_BATCH_SIZE?) for passive");
        assertThat(PassiveConfig.ENV.read(env()).effectiveConfiguration()).doesNotContain("k-123")
                .contains("EDGEWARD_INGEST_KEY=*** (set)").contains("EDGEWARD_BATCH_SIZE=500 (default)");
    }
}
