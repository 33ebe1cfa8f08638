package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.EdgeKeys;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.SettingsException;
import io.edgeward.cdk.edgeconfig.EdgeBundleStager;
import io.edgeward.cdk.edgeconfig.EdgeConfigDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated edgeward-edge.json and the staging of bundles, without synthesizing a stack. */
class EdgeBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void passive_default_behavior_gives_every_protected_behavior_its_own_route() {
        ObjectNode config = EdgeConfigDocument.build(edge(DistributionSettings.inFrontOf("o.example", Mode.PASSIVE,
                List.of(new BehaviorSettings("/login*", Mode.MITIGATE), new BehaviorSettings("/api/*", Mode.MONITOR),
                        new BehaviorSettings("/img/*", Mode.PASSIVE))), null), keys());
        assertThat(config.get("mode").asText()).isEqualTo("monitor");
        assertThat(config.get("routes").toString())
                .isEqualTo("[{\"pathPrefix\":\"/login\",\"mode\":\"mitigate\"}]");
    }

    @Test
    void tuning_overrides_defaults_and_keeps_the_rest() throws IOException {
        ObjectNode config = EdgeConfigDocument.build(edge(standardDistribution(), tuning("""
                {"checkInterval":{"max":"PT120S"},"challenge":{"difficulty":20},"ingest":{"maxInFlight":8}}""")), keys());
        assertThat(config.at("/checkInterval/max").asText()).isEqualTo("PT120S");
        assertThat(config.at("/checkInterval/initial").asText()).isEqualTo("PT5S");
        assertThat(config.at("/challenge/difficulty").asInt()).isEqualTo(20);
        assertThat(config.at("/challenge/provider").asText()).isEqualTo("pow");
        assertThat(config.at("/ingest/maxInFlight").asInt()).isEqualTo(8);
    }

    @Test
    void tuning_a_key_the_deployment_sets_is_rejected() throws IOException {
        EdgeSettings edge = edge(standardDistribution(), tuning("{\"protector\":{\"url\":\"https://elsewhere\"}}"));
        assertThatThrownBy(() -> EdgeConfigDocument.build(edge, keys()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("edge.tuning.protector.url is set by the deployment (behaviors, edge URLs, keys file) and"
                        + " cannot be tuned");
    }

    @Test
    void tuning_the_edge_would_reject_fails_the_synth_with_the_edge_readers_message() throws IOException {
        EdgeSettings typo = edge(standardDistribution(), tuning("{\"challenge\":{\"provder\":\"hcaptcha\"}}"));
        assertThatThrownBy(() -> EdgeConfigDocument.build(typo, keys()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("the edge configuration generated from edge.tuning is invalid")
                .hasMessageContaining("provder");
        EdgeSettings badValue = edge(standardDistribution(), tuning("{\"challenge\":{\"provider\":\"captcha.example\"}}"));
        assertThatThrownBy(() -> EdgeConfigDocument.build(badValue, keys()))
                .hasMessageContaining("captcha.example");
    }

    @Test
    void renamed_session_cookie_is_the_one_the_cache_key_leaves_out() throws IOException {
        assertThat(EdgeConfigDocument.cookieName(edge(standardDistribution(), tuning("{\"cookie\":{\"name\":\"__Host-s\"}}"))))
                .isEqualTo("__Host-s");
        assertThat(EdgeConfigDocument.cookieName(edge(standardDistribution(), null))).isEqualTo("__Host-ew");
    }

    @Test
    void staging_copies_the_bundle_and_writes_the_config_beside_it_deterministically() throws IOException {
        ObjectNode config = EdgeConfigDocument.build(edge(standardDistribution(), null), keys());
        Path first = EdgeBundleStager.stage(TestDeployments.fixtureBundle("viewer-request"), "edge.viewerRequestBundle",
                config, dir.resolve("a"));
        Path second = EdgeBundleStager.stage(TestDeployments.fixtureBundle("viewer-request"), "edge.viewerRequestBundle",
                EdgeConfigDocument.build(edge(standardDistribution(), null), keys()), dir.resolve("b"));

        assertThat(first.resolve("index.js")).hasSameTextualContentAs(
                TestDeployments.fixtureBundle("viewer-request").resolve("index.js"));
        JsonNode written = JSON.readTree(first.resolve("edgeward-edge.json").toFile());
        assertThat(written).isEqualTo(config);
        assertThat(Files.readAllBytes(first.resolve("edgeward-edge.json")))
                .isEqualTo(Files.readAllBytes(second.resolve("edgeward-edge.json")));
    }

    @Test
    void missing_bundle_says_how_to_build_it() {
        assertThatThrownBy(() -> EdgeBundleStager.stage(dir.resolve("nothing-here"), "edge.viewerRequestBundle",
                JSON.createObjectNode(), dir.resolve("staging")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("./mvnw -pl edge-node -am package -DskipTests")
                .hasMessageContaining("edge.viewerRequestBundle");
    }

    @Test
    void empty_bundle_from_a_failed_teavm_build_is_refused() throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("empty"));
        Files.createFile(bundle.resolve("index.js"));
        assertThatThrownBy(() -> EdgeBundleStager.stage(bundle, "edge.originResponseBundle", JSON.createObjectNode(),
                dir.resolve("staging")))
                .hasMessageContaining("is empty (a failed TeaVM build)")
                .hasMessageContaining("edge.originResponseBundle");
    }

    private EdgeKeys keys() {
        return EdgeKeys.read(TestDeployments.keysFile(dir));
    }

    private static DistributionSettings standardDistribution() {
        return DistributionSettings.inFrontOf("o.example", Mode.MITIGATE, List.of());
    }

    private static ObjectNode tuning(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }

    private EdgeSettings edge(DistributionSettings distribution, ObjectNode tuning) {
        return new EdgeSettings("https://p.example", "https://i.example", TestDeployments.keysFile(dir),
                TestDeployments.fixtureBundle("viewer-request"), TestDeployments.fixtureBundle("origin-response"),
                null, null, tuning, distribution);
    }
}
