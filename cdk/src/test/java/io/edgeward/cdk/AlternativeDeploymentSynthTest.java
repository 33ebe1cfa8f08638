package io.edgeward.cdk;

import static io.edgeward.cdk.TemplateJson.only;
import static io.edgeward.cdk.TemplateJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.MskSettings;
import io.edgeward.cdk.config.OriginHeaders;
import io.edgeward.cdk.config.ServicesSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The other choices, synthesized once: a new MSK cluster, attach mode (no distribution), the explicit origin header
 * allow list, a plain-HTTP test load balancer with the admin API open to one CIDR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlternativeDeploymentSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private Template edge;
    private Template services;
    private JsonNode servicesJson;
    private software.amazon.awscdk.Stack edgeStack;

    @BeforeAll
    void synth() {
        DistributionSettings attach = new DistributionSettings(true, null, null, null, null, Mode.MONITOR,
                List.of(new BehaviorSettings("/checkout/*", Mode.MITIGATE)), OriginHeaders.EDGEWARD_ONLY,
                List.of("User-Agent", "Accept"));
        DeploySettings settings = new DeploySettings(null, "eu-central-1", "shop-bots", TestDeployments.repositoryRoot(),
                new ServicesSettings(null, true, List.of("198.51.100.0/24"), null, List.of("eu-central-1a", "eu-central-1b"), null, null, null),
                new KafkaSettings(null, "SSL", null, new MskSettings(null, 2, 200, null)),
                new io.edgeward.cdk.config.EdgeSettings("http://api.internal.example", "http://api.internal.example",
                        TestDeployments.keysFile(dir), TestDeployments.fixtureBundle("viewer-request"),
                        TestDeployments.fixtureBundle("origin-response"), null, null, null, attach,
                        TestDeployments.fixtureBundle("origin-request")));
        App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        EdgewardApp.Stacks stacks = EdgewardApp.compose(app, settings);
        assertThat(stacks.services().getStackName()).isEqualTo("ShopbotsServices");
        edgeStack = stacks.edge();
        edge = Template.fromStack(stacks.edge());
        services = Template.fromStack(stacks.services());
        servicesJson = JSON.valueToTree(services.toJSON());
    }

    @Test
    void msk_cluster_is_created_in_the_private_subnets_with_tls_to_clients() {
        services.resourceCountIs("AWS::MSK::Cluster", 1);
        services.hasResourceProperties("AWS::MSK::Cluster", Match.objectLike(Map.of(
                "ClusterName", "shop-bots-kafka",
                "NumberOfBrokerNodes", 2,
                "EncryptionInfo", Map.of("EncryptionInTransit", Map.of("ClientBroker", "TLS", "InCluster", true)),
                "BrokerNodeGroupInfo", Match.objectLike(Map.of("StorageInfo",
                        Map.of("EBSStorageInfo", Map.of("VolumeSize", 200)))))));
    }

    @Test
    void services_get_msk_bootstrap_servers_from_the_kafka_api_at_deploy_time() {
        JsonNode lookup = only(servicesJson, "Custom::AWS");
        assertThat(lookup.at("/Properties/Create").toString()).contains("getBootstrapBrokers")
                .contains("BootstrapBrokerStringTls");
        for (Map.Entry<String, JsonNode> task : resources(servicesJson, "AWS::ECS::TaskDefinition")) {
            JsonNode env = task.getValue().at("/Properties/ContainerDefinitions/0/Environment");
            assertThat(env.toString()).contains("EDGEWARD_KAFKA_BOOTSTRAP").contains("BootstrapBrokerStringTls")
                    .contains("\"EDGEWARD_KAFKA_SECURITY_PROTOCOL\",\"Value\":\"SSL\"");
        }
    }

    @Test
    void unauthenticated_tls_sets_no_sasl_mechanism_and_grants_no_kafka_actions() {
        for (Map.Entry<String, JsonNode> task : resources(servicesJson, "AWS::ECS::TaskDefinition")) {
            assertThat(task.getValue().at("/Properties/ContainerDefinitions/0/Environment").toString())
                    .doesNotContain("EDGEWARD_KAFKA_SASL_MECHANISM");
        }
        assertThat(resources(servicesJson, "AWS::IAM::Policy").toString()).doesNotContain("kafka-cluster:");
    }

    @Test
    void brokers_accept_the_services_on_the_tls_port_only() {
        List<JsonNode> ingress = resources(servicesJson, "AWS::EC2::SecurityGroupIngress").stream()
                .map(e -> e.getValue().get("Properties"))
                .filter(p -> p.get("GroupId").toString().contains("KafkaBrokers")).toList();
        // protector, ingest, detection and the console
        assertThat(ingress).hasSize(4).allSatisfy(rule -> {
            assertThat(rule.get("FromPort").asInt()).isEqualTo(9094);
            assertThat(rule.get("ToPort").asInt()).isEqualTo(9094);
        });
    }

    @Test
    void attach_mode_creates_no_distribution_but_outputs_versions_and_policies() {
        edge.resourceCountIs("AWS::CloudFront::Distribution", 0);
        edge.resourceCountIs("AWS::Lambda::Version", 3);
        Map<String, Map<String, Object>> outputs = edge.findOutputs("*");
        assertThat(outputs).containsKeys("ViewerRequestVersionArn", "OriginRequestVersionArn", "LogShipperVersionArn",
                "OriginRequestPolicyId",
                "CachePolicyId").doesNotContainKey("DistributionId");
        edge.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Runtime", "nodejs22.x")));
    }

    @Test
    void edgeward_only_policy_lists_country_fingerprints_marks_and_extra_headers() {
        edge.hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", Match.objectLike(Map.of(
                "OriginRequestPolicyConfig", Match.objectLike(Map.of("HeadersConfig", Map.of(
                        "HeaderBehavior", "whitelist",
                        "Headers", List.of("CloudFront-Viewer-Country", "CloudFront-Viewer-JA3-Fingerprint",
                                "CloudFront-Viewer-JA4-Fingerprint", "x-edgeward-mark", "x-edgeward-set-cookie",
                                "x-edgeward-action", "x-edgeward-reason", "x-edgeward-session", "User-Agent",
                                "Accept")))))));
    }

    @Test
    void a_full_edgeward_only_policy_leaves_out_the_asn_header_and_the_synth_warns_that_asn_is_not_enforced() {
        software.amazon.awscdk.assertions.Annotations.fromStack(edgeStack).hasWarning("*",
                Match.stringLikeRegexp(".*CloudFront-Viewer-ASN is not forwarded.*"));
    }

    @Test
    void vpc_uses_the_configured_zones_without_a_lookup() {
        List<String> zones = resources(servicesJson, "AWS::EC2::Subnet").stream()
                .map(e -> e.getValue().at("/Properties/AvailabilityZone").asText()).distinct().sorted().toList();
        assertThat(zones).containsExactly("eu-central-1a", "eu-central-1b");
    }

    @Test
    void plain_http_listener_when_explicitly_allowed() {
        services.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Protocol", "HTTP", "Port", 80)));
    }

    @Test
    void admin_api_is_forwarded_only_from_the_admin_cidrs() {
        services.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Match.objectLike(Map.of(
                "Priority", 10,
                "Actions", List.of(Match.objectLike(Map.of("Type", "forward"))),
                "Conditions", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Field", "path-pattern")),
                        Match.objectLike(Map.of("Field", "source-ip",
                                "SourceIpConfig", Map.of("Values", List.of("198.51.100.0/24")))))))));
    }
}
