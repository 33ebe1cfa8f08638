package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.testing.Configs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge config's challenge section: template, strings and verify timeout, validated at start-up. */
class ChallengeConfigTest {

    @Test
    void strings_and_a_template_from_the_config_shape_the_page() {
        Map<String, Object> root = Configs.example();
        Configs.section(root, "challenge").put("strings", Map.of("lang", "fr", "heading", "Un instant"));
        Configs.section(root, "challenge").put("template", "<main lang=\"{{lang}}\">{{heading}}{{widget}}</main>");
        Configs.section(root, "challenge").put("verifyTimeout", "PT5S");

        EdgeConfig config = EdgeConfig.fromJson(root);

        assertThat(config.challenge().verifyTimeoutMillis()).isEqualTo(5000);
        assertThat(config.challenge().page().render(null, "https://s/", "r", false))
                .startsWith("<main lang=\"fr\">Un instant<div id=\"edgeward-challenge\"");
    }

    @Test
    void defaults_are_the_built_in_english_page_and_three_seconds() {
        EdgeConfig config = Configs.exampleConfig();

        assertThat(config.challenge().verifyTimeoutMillis()).isEqualTo(3000);
        assertThat(config.challenge().page().render(null, "https://s/", "r", false)).contains("One moment, please");
    }

    @Test
    void a_bad_template_string_or_timeout_fails_at_start_up_naming_it() {
        assertRejected("strings", Map.of("heding", "x"), "challenge.strings.heding is not a known key");
        assertRejected("strings", Map.of("heading", 7), "challenge.strings.heading must be a string, was 7");
        assertRejected("template", "<p>no widget</p>", "challenge.template must contain {{widget}}");
        assertRejected("verifyTimeout", "PT0S", "challenge.verifyTimeout must be > 0");
    }

    private static void assertRejected(String key, Object value, String message) {
        Map<String, Object> root = Configs.example();
        Configs.section(root, "challenge").put(key, value);
        assertThatThrownBy(() -> EdgeConfig.fromJson(root)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
