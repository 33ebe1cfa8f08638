package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.EdgeKeys;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.MskSettings;
import io.edgeward.cdk.config.OriginHeaders;
import io.edgeward.cdk.config.ServicesSettings;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings fail before anything is synthesized, with the setting and (unless secret) the value. */
class SettingsValidationTest {

    @TempDir
    Path dir;

    @Test
    void behavior_pattern_with_an_inner_wildcard_is_rejected() {
        assertThatThrownBy(() -> new BehaviorSettings("/images/*.jpg", Mode.MONITOR))
                .isInstanceOf(SettingsException.class)
                .hasMessage("distribution.behaviors[].pathPattern must be a path prefix ending in one '*' (like /api/*),"
                        + " was /images/*.jpg");
    }

    @Test
    void behavior_pattern_on_the_reserved_challenge_path_is_rejected() {
        assertThatThrownBy(() -> new BehaviorSettings("/.edgeward/*", Mode.PASSIVE))
                .hasMessageContaining("Edgeward reserves for challenge verification");
    }

    @Test
    void pattern_without_leading_slash_is_normalized_to_the_cloudfront_form() {
        assertThat(new BehaviorSettings("api/*", Mode.INJECT).pathPattern()).isEqualTo("/api/*");
        assertThat(new BehaviorSettings("api/*", Mode.INJECT).pathPrefix()).isEqualTo("/api/");
    }

    @Test
    void the_same_pattern_twice_is_rejected() {
        assertThatThrownBy(() -> DistributionSettings.inFrontOf("o.example", Mode.MITIGATE, List.of(
                new BehaviorSettings("/api/*", Mode.INJECT), new BehaviorSettings("/api/*", Mode.MONITOR))))
                .hasMessage("distribution.behaviors has pathPattern /api/* twice");
    }

    @Test
    void origin_domain_with_a_scheme_is_rejected() {
        assertThatThrownBy(() -> DistributionSettings.inFrontOf("https://o.example", Mode.MITIGATE, List.of()))
                .hasMessageContaining("must be a domain name without scheme or path")
                .hasMessageContaining("was https://o.example");
    }

    @Test
    void cloudfront_certificate_outside_us_east_1_is_rejected() {
        assertThatThrownBy(() -> new DistributionSettings(false, "o.example", null, List.of("www.example"),
                TestDeployments.ALB_CERTIFICATE, null, null, null, null))
                .hasMessageContaining("distribution.certificateArn must be a certificate in us-east-1, was one in eu-west-1");
    }

    @Test
    void alternate_domain_names_need_a_certificate() {
        assertThatThrownBy(() -> new DistributionSettings(false, "o.example", null, List.of("www.example"), null,
                null, null, null, null))
                .hasMessageContaining("distribution.domainNames [www.example] need distribution.certificateArn");
    }

    @Test
    void attach_mode_refuses_settings_of_the_existing_distribution() {
        assertThatThrownBy(() -> new DistributionSettings(true, "o.example", null, null, null, null, null, null, null))
                .hasMessageContaining("distribution.attach is true");
    }

    @Test
    void more_origin_headers_than_a_policy_holds_are_rejected_at_synth() {
        DistributionSettings tooMany = new DistributionSettings(false, "o.example", null, null, null, null, null,
                OriginHeaders.EDGEWARD_ONLY, List.of("User-Agent", "Accept", "Accept-Language"));
        DeploySettings settings = withDistribution(tooMany);
        assertThatThrownBy(() -> EdgewardApp.compose(new software.amazon.awscdk.App(), settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("make 11 headers; an origin request policy holds 10 by default");
    }

    @Test
    void plain_http_load_balancer_needs_explicit_consent() {
        assertThatThrownBy(() -> new ServicesSettings(null, false, null, null, null, null, null, null))
                .hasMessageContaining("services.certificateArn is not set")
                .hasMessageContaining("services.allowPlainHttp=true");
    }

    @Test
    void http_edge_urls_are_rejected_unless_plain_http_is_allowed() {
        DeploySettings https = TestDeployments.standard(TestDeployments.keysFile(dir));
        assertThatThrownBy(() -> new DeploySettings(null, "eu-west-1", null, null, https.services(), https.kafka(),
                new io.edgeward.cdk.config.EdgeSettings("http://api.example", "https://api.example", dir, dir, dir,
                        null, null, null, https.edge().distribution())))
                .hasMessage("edge.protectorUrl must be an https:// URL (http only with services.allowPlainHttp),"
                        + " was http://api.example");
    }

    @Test
    void load_balancer_certificate_from_another_region_is_rejected() {
        assertThatThrownBy(() -> new DeploySettings(null, "eu-central-1", null, null,
                ServicesSettings.withCertificate(TestDeployments.ALB_CERTIFICATE), KafkaSettings.existing("k:9092"), null))
                .hasMessageContaining("services.certificateArn must be a certificate in eu-central-1, was one in eu-west-1");
    }

    @Test
    void kafka_needs_exactly_one_source() {
        assertThatThrownBy(() -> new KafkaSettings("k:9092", null, null, MskSettings.defaults()))
                .hasMessageContaining("exactly one of bootstrapServers");
        assertThatThrownBy(() -> new KafkaSettings(null, null, null, null))
                .hasMessageContaining("exactly one of bootstrapServers");
        assertThatThrownBy(() -> KafkaSettings.existing("http://k:9092"))
                .hasMessage("kafka.bootstrapServers must be host:port[,host:port…], was http://k:9092");
    }

    @Test
    void msk_brokers_must_spread_evenly_over_the_zones() {
        assertThatThrownBy(() -> new DeploySettings(null, "eu-west-1", null, null,
                new ServicesSettings(null, true, null, 2, null, null, null, null),
                KafkaSettings.newMsk(new MskSettings(null, 3, null, null)), null))
                .hasMessage("kafka.msk.brokerNodes must be a multiple of services.maxAzs (2), was 3");
    }

    @Test
    void bad_region_is_named() {
        assertThatThrownBy(() -> new DeploySettings(null, "europe", null, null,
                new ServicesSettings(null, true, null, null, null, null, null, null), KafkaSettings.existing("k:9092"), null))
                .hasMessage("region must be an AWS region like eu-west-1, was europe");
    }

    @Test
    void short_cookie_key_is_rejected_without_showing_it() {
        String shortKey = "c2hvcnQta2V5";
        assertThatThrownBy(() -> new EdgeKeys(TestDeployments.EDGE_KEY, TestDeployments.INGEST_KEY,
                Map.of("k1", shortKey), "k1"))
                .hasMessage("keys: cookieKeys.k1 must be base64url of at least 32 bytes")
                .message().doesNotContain(shortKey);
    }

    @Test
    void keys_never_show_in_their_string_form() {
        EdgeKeys keys = EdgeKeys.read(TestDeployments.keysFile(dir));
        assertThat(keys.toString()).doesNotContain(TestDeployments.EDGE_KEY, TestDeployments.INGEST_KEY,
                TestDeployments.COOKIE_KEY).contains("k1");
    }

    @Test
    void missing_keys_file_points_at_the_export_step() {
        assertThatThrownBy(() -> EdgeKeys.read(dir.resolve("missing.json")))
                .hasMessageContaining("deploy the services stack, then export the keys");
    }

    @Test
    void first_deployment_without_an_edge_section_composes_the_services_only() {
        DeploySettings standard = TestDeployments.standard(TestDeployments.keysFile(dir));
        EdgewardApp.Stacks stacks = EdgewardApp.compose(new software.amazon.awscdk.App(), new DeploySettings(null,
                "eu-west-1", null, standard.sourceRoot(), standard.services(), standard.kafka(), null));
        assertThat(stacks.services()).isNotNull();
        assertThat(stacks.edge()).isNull();
    }

    @Test
    void source_root_without_the_service_dockerfiles_is_rejected() {
        DeploySettings standard = TestDeployments.standard(TestDeployments.keysFile(dir));
        DeploySettings wrongRoot = new DeploySettings(null, "eu-west-1", null, dir, standard.services(),
                standard.kafka(), null);
        assertThatThrownBy(() -> EdgewardApp.compose(new software.amazon.awscdk.App(), wrongRoot))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("no Dockerfile at " + dir.resolve("Dockerfile"));
    }

    private DeploySettings withDistribution(DistributionSettings distribution) {
        DeploySettings standard = TestDeployments.standard(TestDeployments.keysFile(dir));
        return new DeploySettings(null, "eu-west-1", null, standard.sourceRoot(), standard.services(), standard.kafka(),
                TestDeployments.edge(standard.edge().keysFile(), distribution));
    }
}
