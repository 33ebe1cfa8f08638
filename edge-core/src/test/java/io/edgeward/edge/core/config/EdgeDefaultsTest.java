package io.edgeward.edge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.TestPorts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeDefaultsTest {

    @Test
    void the_defaults_filled_with_a_deployments_endpoints_and_keys_are_a_valid_edge_configuration() {
        Map<String, Object> root = filled();

        EdgeConfig config = EdgeConfig.fromJson(root);
        ShipperConfig shipper = ShipperConfig.from(config);

        assertThat(config.cookie().name()).isEqualTo(EdgeDefaults.COOKIE_NAME);
        assertThat(config.cookie().lifetimeSeconds()).isEqualTo(86_400);
        assertThat(config.mode()).isEqualTo(Mode.MITIGATE);
        assertThat(config.protector().timeoutMillis()).isEqualTo(100);
        assertThat(config.protector().breakerFailures()).isEqualTo(5);
        assertThat(config.challenge()).isEqualTo(new ChallengeConfig("pow", 18, null));
        assertThat(config.exclude().extensions()).contains("css", "woff2");
        assertThat(shipper.ingest().batchSize()).isEqualTo(ShipperConfig.Ingest.DEFAULT_BATCH_SIZE);
        assertThat(shipper.ingest().queueLimit()).isEqualTo(ShipperConfig.Ingest.DEFAULT_QUEUE_LIMIT);
    }

    @Test
    void the_defaults_alone_are_refused_so_no_deployment_runs_without_its_own_keys() {
        Map<String, Object> root = TestPorts.json().parseObject(EdgeDefaults.DOCUMENT);

        assertThatThrownBy(() -> EdgeConfig.fromJson(root)).isInstanceOf(ConfigException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filled() {
        Map<String, Object> root = TestPorts.json().parseObject(EdgeDefaults.DOCUMENT);
        Map<String, Object> cookie = (Map<String, Object>) root.get("cookie");
        cookie.put("keys", new java.util.LinkedHashMap<>(Map.of("k1", Configs.KEY_1_TEXT)));
        cookie.put("signingKey", "k1");
        Map<String, Object> protector = (Map<String, Object>) root.get("protector");
        protector.put("url", "https://protector.example");
        protector.put("apiKey", "edge-key");
        Map<String, Object> ingest = (Map<String, Object>) root.get("ingest");
        ingest.put("url", "https://ingest.example");
        ingest.put("apiKey", "ingest-key");
        return root;
    }
}
