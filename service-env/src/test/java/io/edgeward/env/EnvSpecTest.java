package io.edgeward.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.env.kafka.KafkaEnvironment;
import io.edgeward.env.kafka.SecurityProtocol;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvSpecTest {

    static final EnvKey<Integer> PORT = EnvKey.port("EDGEWARD_APP_PORT", 8080);
    static final EnvKey<Short> REPLICATION = EnvKey.shortInteger("EDGEWARD_APP_REPLICATION", (short) 1, (short) 1,
            Short.MAX_VALUE);
    static final EnvKey<Integer> THREADS = EnvKey.integer("EDGEWARD_APP_THREADS", 1, 1, Integer.MAX_VALUE);
    static final EnvKey<Long> CACHE = EnvKey.bytes("EDGEWARD_APP_CACHE_BYTES", 1024, 0);
    static final EnvKey<Duration> TIMEOUT = EnvKey.positiveDuration("EDGEWARD_APP_TIMEOUT", Duration.ofSeconds(5));
    static final EnvKey<Duration> GRACE = EnvKey.duration("EDGEWARD_APP_GRACE", Duration.ZERO, Duration.ZERO);
    static final EnvKey<URI> ORIGIN = EnvKey.url("EDGEWARD_APP_ORIGIN", null).required();
    static final EnvKey<String> KEY = EnvKey.secret("EDGEWARD_APP_KEY");
    static final EnvKey<List<String>> KEYS = EnvKey.secretList("EDGEWARD_APP_KEYS");
    static final EnvKey<String> MODE = EnvKey.oneOf("EDGEWARD_APP_MODE", Set.of("fast", "safe"), "safe");
    static final EnvKey<SecurityProtocol> PROTOCOL = EnvKey.oneOf("EDGEWARD_APP_PROTOCOL", SecurityProtocol.class,
            SecurityProtocol.PLAINTEXT);
    static final EnvSpec APP = EnvSpec.of("app", PORT, REPLICATION, THREADS, CACHE, TIMEOUT, GRACE, ORIGIN, KEY, KEYS,
            MODE, PROTOCOL).including(KafkaEnvironment.ENV);
    static final EnvSpec OTHER = EnvSpec.of("other", EnvKey.string("EDGEWARD_OTHER_NAME", "x"));

    private static EnvValues read(String... pairs) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("EDGEWARD_APP_ORIGIN", "https://shop.example");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return APP.read(env);
    }

    @Test
    void unset_keys_take_their_defaults_and_set_ones_are_typed() {
        EnvValues values = read("EDGEWARD_APP_PORT", " 9000 ", "EDGEWARD_APP_CACHE_BYTES", "8589934592",
                "EDGEWARD_APP_MODE", "FAST", "EDGEWARD_APP_PROTOCOL", "ssl");

        assertThat(values.get(PORT)).isEqualTo(9000);
        assertThat(values.get(CACHE)).as("bytes are a long: 8 GiB is not wrapped").isEqualTo(8_589_934_592L);
        assertThat(values.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(values.get(MODE)).isEqualTo("fast");
        assertThat(values.get(PROTOCOL)).isEqualTo(SecurityProtocol.SSL);
        assertThat(values.get(ORIGIN)).isEqualTo(URI.create("https://shop.example"));
        assertThat(values.get(KEY)).isNull();
        assertThat(values.get(KEYS)).isEmpty();
    }

    @Test
    void a_number_past_its_range_is_refused_never_narrowed() {
        assertThatThrownBy(() -> read("EDGEWARD_APP_REPLICATION", "65537").get(REPLICATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EDGEWARD_APP_REPLICATION must be between 1 and 32767, was 65537");
        assertThatThrownBy(() -> read("EDGEWARD_APP_PORT", "70000").get(PORT))
                .hasMessage("EDGEWARD_APP_PORT must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> read("EDGEWARD_APP_THREADS", "0").get(THREADS))
                .hasMessage("EDGEWARD_APP_THREADS must be >= 1, was 0");
        assertThatThrownBy(() -> read("EDGEWARD_APP_THREADS", "4294967297").get(THREADS))
                .hasMessage("EDGEWARD_APP_THREADS must be <= 2147483647, was 4294967297");
    }

    @Test
    void every_bad_value_names_its_variable() {
        assertThatThrownBy(() -> read("EDGEWARD_APP_PORT", "http").get(PORT))
                .hasMessage("EDGEWARD_APP_PORT must be an integer, was 'http'");
        assertThatThrownBy(() -> read("EDGEWARD_APP_TIMEOUT", "PT0S").get(TIMEOUT))
                .hasMessage("EDGEWARD_APP_TIMEOUT must be > 0, was PT0S");
        assertThatThrownBy(() -> read("EDGEWARD_APP_GRACE", "-PT1S").get(GRACE))
                .hasMessage("EDGEWARD_APP_GRACE must be >= PT0S, was PT-1S");
        assertThatThrownBy(() -> read("EDGEWARD_APP_ORIGIN", "ftp://shop.example").get(ORIGIN))
                .hasMessage("EDGEWARD_APP_ORIGIN must be an http(s) URL, was ftp://shop.example");
        assertThatThrownBy(() -> read("EDGEWARD_APP_ORIGIN", " ").get(ORIGIN))
                .hasMessage("EDGEWARD_APP_ORIGIN is required");
        assertThatThrownBy(() -> read("EDGEWARD_APP_MODE", "slow").get(MODE))
                .hasMessage("EDGEWARD_APP_MODE must be one of [fast, safe], was slow");
        assertThatThrownBy(() -> read("EDGEWARD_APP_PROTOCOL", "tls").get(PROTOCOL))
                .hasMessage("EDGEWARD_APP_PROTOCOL must be one of [PLAINTEXT, SSL, SASL_SSL], was 'tls'");
    }

    @Test
    void an_unknown_variable_is_refused_naming_the_nearest_known_one() {
        assertThatThrownBy(() -> read("EDGEWARD_APP_PROT", "1", "PATH", "/bin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown variable EDGEWARD_APP_PROT (did you mean EDGEWARD_APP_PORT?) for app");
        assertThatThrownBy(() -> read("EDGEWARD_KAFKA_BOOTSTRAP_SERVERS", "k:9092"))
                .hasMessageContaining("EDGEWARD_KAFKA_BOOTSTRAP_SERVERS (did you mean EDGEWARD_KAFKA_BOOTSTRAP?)");
    }

    @Test
    void a_typo_cannot_hide_behind_a_service_run_alongside() {
        Map<String, String> env = Map.of("EDGEWARD_APP_ORIGIN", "https://shop.example",
                "EDGEWARD_OTHER_NAME", "y", "EDGEWARD_KAFKA_BOOTSTRAP", "k:9092");

        assertThat(APP.read(env, OTHER).get(PORT)).as("the other service's variable is known in this process")
                .isEqualTo(8080);
        assertThatThrownBy(() -> APP.read(env)).as("alone, it is unknown")
                .hasMessage("unknown variable EDGEWARD_OTHER_NAME (did you mean EDGEWARD_APP_GRACE?) for app");
        assertThatThrownBy(() -> APP.read(Map.of("EDGEWARD_OTHER_NAEM", "y"), OTHER))
                .hasMessage("unknown variable EDGEWARD_OTHER_NAEM (did you mean EDGEWARD_OTHER_NAME?) for app and"
                        + " other");
    }

    @Test
    void a_family_admits_its_own_names_and_only_those() {
        EnvSpec fronts = APP.withFamily("EDGEWARD_FRONT_");

        assertThat(fronts.read(Map.of("EDGEWARD_FRONT_CLOUDFLARE_HEADER", "CF-Connecting-IP")).variables())
                .containsKey("EDGEWARD_FRONT_CLOUDFLARE_HEADER");
        assertThatThrownBy(() -> fronts.read(Map.of("EDGEWARD_FRNT_CLOUDFLARE_HEADER", "x")))
                .hasMessageStartingWith("unknown variable EDGEWARD_FRNT_CLOUDFLARE_HEADER");
        assertThatThrownBy(() -> APP.read(Map.of("EDGEWARD_FRONT_CLOUDFLARE_HEADER", "x")))
                .as("without the family the name is unknown")
                .hasMessageStartingWith("unknown variable EDGEWARD_FRONT_CLOUDFLARE_HEADER");
    }

    @Test
    void the_effective_configuration_masks_secrets_and_marks_defaults() {
        EnvValues values = read("EDGEWARD_APP_KEY", "hunter2-the-secret", "EDGEWARD_APP_KEYS", "k-one-secret,k-two",
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", "store-secret", "EDGEWARD_APP_PORT", "9000");

        String text = values.effectiveConfiguration();

        assertThat(text).doesNotContain("hunter2").doesNotContain("k-one-secret").doesNotContain("store-secret")
                .contains("EDGEWARD_APP_PORT=9000\n").contains("EDGEWARD_APP_THREADS=1 (default)")
                .contains("EDGEWARD_APP_KEY=*** (set)").contains("EDGEWARD_APP_KEYS=2 x *** (set)")
                .contains("EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD=*** (set)")
                .contains("EDGEWARD_KAFKA_SSL_KEY_PASSWORD unset")
                .contains("EDGEWARD_KAFKA_BOOTSTRAP=127.0.0.1:9092 (default)");
    }

    @Test
    void a_key_another_service_declares_cannot_be_read_by_mistake() {
        assertThatThrownBy(() -> read().get(EnvKey.port("EDGEWARD_APP_PORT", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_nearest_name_is_the_fewest_edits_away() {
        assertThat(NearestName.distance("EDGEWARD_INGEST_MAX_RECORD", "EDGEWARD_INGEST_MAX_RECORDS")).isEqualTo(1);
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.among("EDGEWARD_INGEST_KYE", List.of("EDGEWARD_INGEST_PORT", "EDGEWARD_INGEST_KEY",
                "EDGEWARD_INGEST_KEYS"))).isEqualTo("EDGEWARD_INGEST_KEY");
    }
}
