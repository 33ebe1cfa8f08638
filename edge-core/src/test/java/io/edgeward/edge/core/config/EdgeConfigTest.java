package io.edgeward.edge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.TestPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeConfigTest {

    @Test
    void contract_example_parses_with_its_values() {
        EdgeConfig config = Configs.exampleConfig();

        assertThat(config.cookie().name()).isEqualTo("__Host-ew");
        assertThat(config.cookie().lifetimeSeconds()).isEqualTo(86_400);
        assertThat(config.cookie().keys().get("k1")).isEqualTo(Configs.KEY_1);
        assertThat(config.checkInterval().initialMillis()).isEqualTo(5000);
        assertThat(config.checkInterval().maxMillis()).isEqualTo(60_000);
        assertThat(config.mode()).isEqualTo(Mode.MITIGATE);
        assertThat(config.routes()).containsExactly(new Route("/api/", Mode.INJECT));
        assertThat(config.exclude().extensions()).contains("css", "woff2");
        assertThat(config.protector().checkUrl()).isEqualTo("http://127.0.0.1:8081/v1/check");
        assertThat(config.protector().timeoutMillis()).isEqualTo(100);
        assertThat(config.protector().breakerFailures()).isEqualTo(5);
        assertThat(config.protector().breakerOpenMillis()).isEqualTo(30_000);
        assertThat(config.challenge()).isEqualTo(new ChallengeConfig("pow", 18, null));
        assertThat(config.ingest()).containsEntry("batchSize", 50);
        assertThat(config.logging()).containsKey("maskQueryParams");
    }

    @Test
    void omitted_sections_take_their_defaults() {
        Map<String, Object> minimal = Map.of("cookie", Map.of("keys", Map.of("k1", Configs.KEY_1_TEXT)),
                "protector", Map.of("url", "https://protector.example/", "apiKey", "x"));

        EdgeConfig config = EdgeConfig.fromJson(minimal);

        assertThat(config.cookie().name()).isEqualTo("__Host-ew");
        assertThat(config.cookie().signingKey()).isEqualTo("k1");
        assertThat(config.cookie().lifetimeSeconds()).isEqualTo(86_400);
        assertThat(config.checkInterval()).isEqualTo(new CheckIntervalConfig(5000, 60_000));
        assertThat(config.mode()).isEqualTo(Mode.MITIGATE);
        assertThat(config.routes()).isEmpty();
        assertThat(config.exclude()).isEqualTo(Exclusions.none());
        assertThat(config.protector().url()).isEqualTo("https://protector.example");
        assertThat(config.protector().timeoutMillis()).isEqualTo(100);
        assertThat(config.protector().breakerFailures()).isEqualTo(5);
        assertThat(config.challenge()).isEqualTo(ChallengeConfig.defaults());
    }

    @Test
    void unknown_keys_are_rejected_at_every_level() {
        Map<String, Object> top = Configs.example();
        top.put("protecter", Map.of());
        Map<String, Object> nested = Configs.example();
        Configs.section(Configs.section(nested, "protector"), "breaker").put("failure", 3);

        assertThatThrownBy(() -> EdgeConfig.fromJson(top)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("protecter is not a known key");
        assertThatThrownBy(() -> EdgeConfig.fromJson(nested))
                .hasMessageStartingWith("protector.breaker.failure is not a known key");
    }

    @Test
    void bad_values_are_named_with_the_value() {
        assertThat(failure("protector", "timeout", "PT0S")).isEqualTo("protector.timeout must be > 0 and <= PT30S, was PT0S");
        assertThat(failure("protector", "timeout", "100ms"))
                .isEqualTo("protector.timeout must be an ISO-8601 duration such as PT0.1S, was 100ms");
        assertThat(failure("checkInterval", "max", "PT2S"))
                .isEqualTo("checkInterval.max must be >= checkInterval.initial (PT5S), was PT2S");
        assertThat(failure("cookie", "signingKey", "k2")).startsWith("cookie.signingKey must name one of");
        assertThat(failure("protector", "url", "ftp://x")).isEqualTo("protector.url must be an http or https URL, was ftp://x");
        Map<String, Object> badMode = Configs.example();
        badMode.put("mode", "enforce");
        assertThatThrownBy(() -> EdgeConfig.fromJson(badMode))
                .hasMessage("mode must be one of mitigate, inject, monitor, was enforce");
        Map<String, Object> badRoute = Configs.example();
        badRoute.put("routes", List.of(Map.of("pathPrefix", "api", "mode", "inject")));
        assertThatThrownBy(() -> EdgeConfig.fromJson(badRoute))
                .hasMessage("routes[0].pathPrefix must start with '/', was api");
    }

    @Test
    void the_shipper_sections_are_validated_with_the_rest() {
        Map<String, Object> root = Configs.example();
        Configs.section(root, "ingest").put("batchsize", 10);

        assertThatThrownBy(() -> EdgeConfig.fromJson(root)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.batchsize");
    }

    @Test
    void secrets_never_appear_in_messages() {
        Map<String, Object> shortKey = Configs.example();
        Configs.section(shortKey, "cookie").put("keys", Map.of("k1", "c2hvcnQtc2VjcmV0"));
        Map<String, Object> notBase64 = Configs.example();
        Configs.section(notBase64, "cookie").put("keys", Map.of("k1", "not base64 secret!"));

        assertThatThrownBy(() -> EdgeConfig.fromJson(shortKey))
                .hasMessage("cookie.keys.k1 must be at least 32 bytes, was 12");
        assertThatThrownBy(() -> EdgeConfig.fromJson(notBase64))
                .hasMessage("cookie.keys.k1 must be base64url (value not shown)");
        assertThat(Configs.exampleConfig().protector().toString()).doesNotContain("secret-edge-key");
    }

    @Test
    void text_that_is_not_json_is_a_config_error() {
        assertThatThrownBy(() -> EdgeConfig.fromJson("{nope", TestPorts.json()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("edge configuration is not a JSON object");
    }

    @Test
    void iso_durations_parse_to_millis() {
        assertThat(IsoDuration.parseMillis("PT0.1S")).isEqualTo(100);
        assertThat(IsoDuration.parseMillis("PT10M")).isEqualTo(600_000);
        assertThat(IsoDuration.parseMillis("PT24H")).isEqualTo(86_400_000);
        assertThat(IsoDuration.parseMillis("P1DT1H")).isEqualTo(90_000_000);
        assertThat(IsoDuration.parseMillis("PT1.25S")).isEqualTo(1250);
        assertThat(IsoDuration.format(100)).isEqualTo("PT0.1S");
        assertThat(IsoDuration.format(60_000)).isEqualTo("PT60S");
        for (String bad : new String[] {"", "P", "PT", "10S", "PT1.S", "P1H", "PT-1S", "PTS", "PT1.2.3S"}) {
            assertThatThrownBy(() -> IsoDuration.parseMillis(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String failure(String section, String key, Object value) {
        Map<String, Object> root = Configs.example();
        Configs.section(root, section).put(key, value);
        try {
            EdgeConfig.fromJson(root);
            return "no failure";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void hold_the_line_settings_default_to_generous_values() {
        EdgeConfig config = Configs.exampleConfig();

        assertThat(config.blocks()).isEqualTo(new BlockConfig(300_000, 4096));
        assertThat(config.protector().ratePerSecond()).isEqualTo(200);
        assertThat(config.protector().rateBurst()).isEqualTo(400);
        assertThat(config.alwaysServed().exact()).containsExactly("/robots.txt");
        assertThat(config.alwaysServed().prefixes()).containsExactly("/.well-known/");
    }

    @Test
    void hold_the_line_settings_are_read_and_bad_values_are_named() {
        Map<String, Object> root = Configs.example();
        root.put("blocks", Map.of("carryMax", "PT2M", "cacheEntries", 10));
        root.put("alwaysServed", List.of("/feed.xml", "/feeds/*"));
        Configs.section(root, "protector").put("rate", Map.of("perSecond", 50, "burst", 80));

        EdgeConfig config = EdgeConfig.fromJson(root);

        assertThat(config.blocks()).isEqualTo(new BlockConfig(120_000, 10));
        assertThat(config.protector().ratePerSecond()).isEqualTo(50);
        assertThat(config.alwaysServed().exact()).containsExactly("/feed.xml");
        assertThat(config.alwaysServed().prefixes()).containsExactly("/feeds/");
        for (Map.Entry<String, Object> bad : List.of(
                Map.entry("blocks", (Object) Map.of("carryMax", "PT0S")),
                Map.entry("blocks", (Object) Map.of("cacheEntries", -1)),
                Map.entry("blocks", (Object) Map.of("tll", "PT1M")),
                Map.entry("alwaysServed", (Object) List.of("robots.txt")),
                Map.entry("alwaysServed", (Object) List.of("/robots.txt;x")))) {
            Map<String, Object> copy = Configs.example();
            copy.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> EdgeConfig.fromJson(copy)).as(bad.toString())
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
        Map<String, Object> badRate = Configs.example();
        Configs.section(badRate, "protector").put("rate", Map.of("perSecond", 0));
        assertThatThrownBy(() -> EdgeConfig.fromJson(badRate)).hasMessageContaining("protector.rate.perSecond")
                .hasMessageContaining("was 0");
    }
}
