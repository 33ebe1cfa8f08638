package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DeploySettingsReader;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.InlineSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.PassiveSettings;
import io.edgeward.cdk.config.ServicesSettings;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

class PassiveAndInlineSettingsTest {

    @TempDir
    Path dir;

    @Test
    void missing_passive_lambda_jar_fails_the_synth_naming_the_path_and_the_build_command() {
        PassiveSettings passive = new PassiveSettings("shop-logs", false, null, null, null, null, null, null, null,
                dir.resolve("nowhere.jar"), null, null, null);
        DeploySettings settings = servicesOnly(passive);
        App app = App.Builder.create().outdir(dir.resolve("out").toString()).build();
        assertThatThrownBy(() -> EdgewardApp.compose(app, settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("nowhere.jar").hasMessageContaining("mvn -pl passive-logs");
    }

    @Test
    void existing_bucket_is_imported_and_only_gets_the_notification() {
        PassiveSettings passive = new PassiveSettings("their-existing-logs", true, "cf/", null, null, null, null, null,
                "https://ingest.example", TestDeployments.fixtureJar(dir), null, null, null);
        App app = App.Builder.create().outdir(dir.resolve("out").toString()).build();
        Template template = Template.fromStack(EdgewardApp.compose(app, servicesOnly(passive)).passive());
        template.resourceCountIs("AWS::S3::Bucket", 0);
        template.resourceCountIs("Custom::S3BucketNotifications", 1);
        JsonNode json = new ObjectMapper().valueToTree(template.toJSON());
        assertThat(json.toString()).contains("their-existing-logs").contains("\"Value\":\"cf/\"");
    }

    @Test
    void inline_only_distribution_sends_challenge_answers_straight_to_the_inspector_with_all_methods() {
        DistributionSettings distribution = new DistributionSettings(false, "origin.shop.example", null, null, null,
                Mode.INLINE, null, null, null, InlineSettings.to("inspector.shop.example"));
        DeploySettings settings = new DeploySettings(null, "eu-west-1", null, TestDeployments.repositoryRoot(),
                new ServicesSettings(null, true, null, null, null, null, null, null,
                        new io.edgeward.cdk.config.InspectorSettings("http://origin.shop.example", null, null)),
                KafkaSettings.existing("k:9092"),
                TestDeployments.edge(TestDeployments.keysFile(dir, PassiveAndInlineSynthTest.ORIGIN_SECRET),
                        distribution));
        App app = App.Builder.create().outdir(dir.resolve("out").toString()).build();
        JsonNode edge = new ObjectMapper().valueToTree(Template.fromStack(EdgewardApp.compose(app, settings).edge())
                .toJSON());
        JsonNode distributionConfig = TemplateJson.distributionConfig(edge);
        JsonNode verify = distributionConfig.get("CacheBehaviors").get(0);
        assertThat(verify.get("PathPattern").asText()).isEqualTo("/.edgeward/*");
        assertThat(verify.get("AllowedMethods").toString()).contains("POST");
        JsonNode target = null;
        for (JsonNode origin : distributionConfig.get("Origins")) {
            if (origin.get("Id").asText().equals(verify.get("TargetOriginId").asText())) {
                target = origin;
            }
        }
        assertThat(target).isNotNull();
        assertThat(target.get("DomainName").asText()).isEqualTo("inspector.shop.example");
        assertThat(target.get("OriginCustomHeaders").toString()).contains("x-edgeward-origin-secret");
        assertThat(distributionConfig.at("/DefaultCacheBehavior/TargetOriginId").asText())
                .isEqualTo(distributionConfig.at("/OriginGroups/Items/0/Id").asText());
        assertThat(distributionConfig.at("/DefaultCacheBehavior").path("LambdaFunctionAssociations")).isEmpty();
    }

    @Test
    void inline_behavior_without_an_inspecting_origin_is_rejected() {
        assertThatThrownBy(() -> DistributionSettings.inFrontOf("origin.shop.example", Mode.MITIGATE,
                List.of(new BehaviorSettings("/catalog/*", Mode.INLINE))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("distribution.inline.inspectorDomain");
    }

    @Test
    void inline_behaviors_need_the_inspector_service() {
        DistributionSettings distribution = new DistributionSettings(false, "origin.shop.example", null, null, null,
                Mode.INLINE, null, null, null, InlineSettings.to("inspector.shop.example"));
        assertThatThrownBy(() -> new DeploySettings(null, "eu-west-1", null, TestDeployments.repositoryRoot(),
                ServicesSettings.withCertificate(TestDeployments.ALB_CERTIFICATE), KafkaSettings.existing("k:9092"),
                TestDeployments.edge(TestDeployments.keysFile(dir), distribution)))
                .isInstanceOf(SettingsException.class).hasMessageContaining("services.inspector is required");
    }

    @Test
    void connection_timeout_outside_cloudfront_limits_is_rejected_with_the_value() {
        assertThatThrownBy(() -> new InlineSettings("inspector.shop.example", null, 11, null, null))
                .isInstanceOf(SettingsException.class)
                .hasMessage("distribution.inline.connectionTimeoutSeconds must be between 1 and 10, was 11");
    }

    @Test
    void passive_section_is_read_from_the_deploy_file_with_defaults() {
        Path file = TestDeployments.write(dir.resolve("deploy.json"), """
                {"region":"eu-west-1","sourceRoot":"%s",
                 "services":{"allowPlainHttp":true},"kafka":{"bootstrapServers":"k:9092"},
                 "passive":{"logBucketName":"shop-logs","realtime":true}}
                """.formatted(TestDeployments.repositoryRoot().toString().replace("\\", "/")));
        PassiveSettings passive = DeploySettingsReader.read(file).passive();
        assertThat(passive.logPrefix()).isEqualTo("cloudfront/");
        assertThat(passive.realtime()).isTrue();
        assertThat(passive.realtimeFields()).isEqualTo(PassiveSettings.DEFAULT_REALTIME_FIELDS);
        assertThat(passive.lambdaJar()).isEqualTo(TestDeployments.repositoryRoot()
                .resolve("passive-logs/target/passive-logs-0.1.0-SNAPSHOT-lambda.jar"));
    }

    private static DeploySettings servicesOnly(PassiveSettings passive) {
        return new DeploySettings(null, "eu-west-1", null, TestDeployments.repositoryRoot(),
                new ServicesSettings(null, true, null, null, null, null, null, null),
                KafkaSettings.existing("k:9092"), null, passive);
    }
}
