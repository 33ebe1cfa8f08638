package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DeploySettingsReader;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.OriginHeaders;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploySettingsReaderTest {

    @TempDir
    Path dir;

    @Test
    void example_deploy_file_reads_with_paths_relative_to_its_directory() {
        Path example = Path.of("edgeward.deploy.example.json").toAbsolutePath();
        DeploySettings settings = DeploySettingsReader.read(example);

        Path cdkDir = example.getParent();
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.sourceRoot()).isEqualTo(cdkDir.getParent());
        assertThat(settings.edge().keysFile()).isEqualTo(cdkDir.resolve("edgeward-keys.json"));
        assertThat(settings.edge().viewerRequestBundle())
                .isEqualTo(cdkDir.getParent().resolve("edge-node/target/lambda-edge/viewer-request"));
        assertThat(settings.edge().originResponseBundle()).as("default from the repository's build output")
                .isEqualTo(cdkDir.getParent().resolve("edge-node/target/lambda-edge/log-shipper"));
        assertThat(settings.edge().originRequestBundle()).as("default from the repository's build output")
                .isEqualTo(cdkDir.getParent().resolve("edge-node/target/lambda-edge/origin-request"));
        assertThat(settings.edge().distribution().behaviors()).extracting(b -> b.mode())
                .containsExactly(Mode.INJECT, Mode.PASSIVE);
        assertThat(settings.edge().distribution().originRequestHeaders()).isEqualTo(OriginHeaders.ALL_VIEWER);
        assertThat(settings.kafka().msk().brokerNodes()).isEqualTo(2);
        assertThat(settings.services().ingest().cpu()).as("defaults fill unset sizes").isEqualTo(512);
        assertThat(settings.services().console().allowedCidrs()).containsExactly("10.8.0.0/16");
        assertThat(settings.services().console().internetFacing()).isFalse();
    }

    @Test
    void unknown_key_is_rejected_with_its_place_and_the_known_keys() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},
                 "services":{"allowPlainHttp":true,"adminCidr":["10.0.0.0/8"]}}""");
        assertThatThrownBy(() -> DeploySettingsReader.read(file))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("unknown key 'adminCidr' at services")
                .hasMessageContaining("adminCidrs");
    }

    @Test
    void invalid_mode_names_the_allowed_modes_and_the_bad_value() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},"services":{"allowPlainHttp":true},
                 "edge":{"protectorUrl":"http://p.example","ingestUrl":"http://i.example","keysFile":"k.json",
                  "viewerRequestBundle":"v","originResponseBundle":"o",
                  "distribution":{"originDomain":"o.example","defaultMode":"block-everything"}}}""");
        assertThatThrownBy(() -> DeploySettingsReader.read(file))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("mode must be one of mitigate, inject, monitor, passive, inline, was block-everything");
    }

    @Test
    void missing_deploy_file_says_how_to_create_one() {
        assertThatThrownBy(() -> DeploySettingsReader.read(dir.resolve("nope.json")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("edgeward.deploy.example.json");
    }

    @Test
    void services_only_deploy_file_has_no_edge_section() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},"services":{"allowPlainHttp":true}}""");
        assertThat(DeploySettingsReader.read(file).edge()).isNull();
    }
}
