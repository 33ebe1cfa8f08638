package io.edgeward.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectorConfigTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("EDGEWARD_INSPECTOR_ORIGIN", "https://origin.shop.example");
        env.put("EDGEWARD_ORIGIN_SECRET", InspectorServerTest.SECRET);
        env.put("EDGEWARD_PROTECTOR_URL", "https://api.example");
        env.put("EDGEWARD_INGEST_URL", "https://api.example");
        env.put("EDGEWARD_EDGE_KEY", InspectorServerTest.EDGE_KEY);
        env.put("EDGEWARD_INGEST_KEY", InspectorServerTest.INGEST_KEY);
        env.put("EDGEWARD_COOKIE_KEYS", InspectorServerTest.COOKIE_KEYS);
        return env;
    }

    @Test
    void edge_configuration_is_assembled_from_the_services_secrets() {
        InspectorConfig config = InspectorConfig.fromEnvironment(env());
        assertThat(config.port()).isEqualTo(8083);
        assertThat(config.edge()).isNotNull();
        assertThat(config.toString()).doesNotContain(InspectorServerTest.SECRET);
    }

    @Test
    void missing_origin_is_named() {
        Map<String, String> env = env();
        env.remove("EDGEWARD_INSPECTOR_ORIGIN");
        assertThatThrownBy(() -> InspectorConfig.fromEnvironment(env))
                .hasMessage("inspector.origin is required (EDGEWARD_INSPECTOR_ORIGIN)");
    }

    @Test
    void bad_timeout_is_rejected_with_the_value() {
        Map<String, String> env = env();
        env.put("EDGEWARD_ORIGIN_TIMEOUT", "PT0S");
        assertThatThrownBy(() -> InspectorConfig.fromEnvironment(env))
                .hasMessage("EDGEWARD_ORIGIN_TIMEOUT must be > 0, was PT0S");
    }

    @Test
    void unreadable_cookie_keys_are_rejected_without_echoing_them() {
        Map<String, String> env = env();
        env.put("EDGEWARD_COOKIE_KEYS", "not-json-secret-value");
        assertThatThrownBy(() -> InspectorConfig.fromEnvironment(env))
                .hasMessageContaining("EDGEWARD_COOKIE_KEYS must be a JSON object")
                .hasMessageNotContaining("not-json-secret-value");
    }

    @Test
    void an_unknown_variable_is_refused_naming_the_nearest_known_one() {
        Map<String, String> env = env();
        env.put("EDGEWARD_ORIGIN_SECRETS", "x");
        assertThatThrownBy(() -> InspectorConfig.fromEnvironment(env))
                .hasMessage("unknown variable EDGEWARD_ORIGIN_SECRETS (did you mean EDGEWARD_ORIGIN_SECRET?) for"
                        + " inspector");
    }

    @Test
    void the_effective_configuration_shows_no_secret() {
        String text = InspectorConfig.ENV.read(env()).effectiveConfiguration();
        assertThat(text).doesNotContain(InspectorServerTest.SECRET).doesNotContain(InspectorServerTest.COOKIE_KEYS)
                .contains("EDGEWARD_ORIGIN_SECRET=*** (set)").contains("EDGEWARD_INSPECTOR_PORT=8083 (default)");
    }
}
