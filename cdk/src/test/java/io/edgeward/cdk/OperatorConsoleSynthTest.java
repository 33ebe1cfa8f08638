package io.edgeward.cdk;

import static io.edgeward.cdk.TemplateJson.only;
import static io.edgeward.cdk.TemplateJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.cdk.config.ConsoleSettings;
import io.edgeward.cdk.config.DeploySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The operator console beside the other services: its task and environment, its internal load balancer (and the
 * internet-facing variant for an office's addresses), its direct way to Protector's admin API, and the switch that
 * leaves it out. Existing Kafka here; the MSK IAM grants are in {@link MskIamSynthTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorConsoleSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICE = "198.51.100.0/24";

    @TempDir
    static Path dir;
    private JsonNode standard;
    private JsonNode office;
    private JsonNode without;
    private JsonNode standardImages;

    @BeforeAll
    void synth() throws IOException {
        Path keys = TestDeployments.keysFile(dir);
        DeploySettings defaults = TestDeployments.standard(keys);
        App app = App.Builder.create().outdir(dir.resolve("standard").toString()).build();
        standard = JSON.valueToTree(software.amazon.awscdk.assertions.Template.fromStack(
                EdgewardApp.compose(app, defaults).services()).toJSON());
        app.synth();
        standardImages = JSON.readTree(dir.resolve("standard/EdgewardServices.assets.json").toFile())
                .get("dockerImages");
        office = services(withConsole(defaults, new ConsoleSettings(null, null, List.of(OFFICE),
                TestDeployments.ALB_CERTIFICATE, true)), "office");
        without = services(withConsole(defaults, ConsoleSettings.disabled()), "without");
    }

    @Test
    void console_runs_one_task_of_its_module_with_the_kafka_settings_and_its_own_streams_application() {
        Map<String, String> env = environment(standard, "console");
        assertThat(env).containsEntry("EDGEWARD_KAFKA_BOOTSTRAP", "b-1.kafka.internal:9092,b-2.kafka.internal:9092")
                .containsEntry("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                .containsEntry("EDGEWARD_CONSOLE_BIND", "0.0.0.0")
                .containsEntry("EDGEWARD_CONSOLE_PORT", "8084")
                .containsEntry("EDGEWARD_CONSOLE_APP_ID", "edgeward-console")
                .containsEntry("EDGEWARD_CONSOLE_STATE_DIR", "/tmp/edgeward-console")
                .containsEntry("EDGEWARD_CHALLENGES_TOPIC", "edgeward.challenges")
                .containsEntry("EDGEWARD_CONSOLE_PROTECTOR_URL", "http://protector.edgeward.internal:8081");
        // its load balancer's nodes are in the VPC: failed logins count against the client they forward
        assertThat(env.get("EDGEWARD_CONSOLE_TRUSTED_PROXIES")).contains("Fn::GetAtt", "CidrBlock");
        JsonNode service = ecsService(standard, "Console");
        assertThat(service.at("/Properties/DesiredCount").asInt()).isEqualTo(1);
        // stopped before its replacement starts: two tasks would split the figures' partitions and the sessions
        JsonNode deployment = service.at("/Properties/DeploymentConfiguration");
        assertThat(deployment.get("MinimumHealthyPercent").asInt()).isZero();
        assertThat(deployment.get("MaximumPercent").asInt()).isEqualTo(100);
        assertThat(resources(standard, "AWS::ApplicationAutoScaling::ScalableTarget").toString())
                .doesNotContain("ConsoleService");
    }

    @Test
    void console_image_is_built_from_the_console_module_and_its_main_class() {
        List<JsonNode> args = new ArrayList<>();
        standardImages.forEach(image -> args.add(image.at("/source/dockerBuildArgs")));
        assertThat(args).contains(JSON.valueToTree(Map.of(
                "MODULE", "console", "MAIN_CLASS", "io.edgeward.console.App", "PORT", "8084")));
    }

    @Test
    void console_gets_protectors_admin_token_from_secrets_manager_never_as_plain_text() {
        JsonNode consoleSecrets = container(standard, "console").get("Secrets");
        assertThat(consoleSecrets).hasSize(1);
        assertThat(consoleSecrets.get(0).get("Name").asText()).isEqualTo("EDGEWARD_ADMIN_TOKEN");
        assertThat(consoleSecrets.get(0).at("/ValueFrom/Ref").asText()).startsWith("SecretsAdminToken");
        JsonNode protectorToken = null;
        for (JsonNode secret : container(standard, "protector-api").get("Secrets")) {
            if (secret.get("Name").asText().equals("EDGEWARD_ADMIN_TOKEN")) {
                protectorToken = secret.get("ValueFrom");
            }
        }
        assertThat(consoleSecrets.get(0).get("ValueFrom")).isEqualTo(protectorToken);
        assertThat(environment(standard, "console")).doesNotContainKey("EDGEWARD_ADMIN_TOKEN");
        assertThat(container(standard, "console").toString()).doesNotContain("EDGEWARD_COOKIE_KEYS")
                .doesNotContain("EDGEWARD_EDGE_KEY").doesNotContain("EDGEWARD_CHALLENGE_KEY");
    }

    @Test
    void console_load_balancer_is_internal_and_admits_only_the_vpc_by_default() {
        JsonNode balancer = consoleBalancer(standard);
        assertThat(balancer.at("/Properties/Scheme").asText()).isEqualTo("internal");
        assertThat(balancer.at("/Properties/Subnets").toString()).contains("PrivateSubnet")
                .doesNotContain("PublicSubnet");
        List<JsonNode> ingress = consoleBalancerIngress(standard);
        assertThat(ingress).hasSize(1);
        assertThat(ingress.get(0).get("FromPort").asInt()).isEqualTo(80);
        assertThat(ingress.get(0).get("CidrIp").toString()).contains("Vpc").contains("CidrBlock");
        assertThat(listener(standard).at("/Properties/Protocol").asText()).isEqualTo("HTTP");
    }

    @Test
    void nothing_of_the_console_is_open_to_the_whole_internet_in_either_deployment() {
        for (JsonNode template : List.of(standard, office)) {
            for (JsonNode rule : consoleBalancerIngress(template)) {
                assertThat(rule.path("CidrIp").asText()).isNotEqualTo("0.0.0.0/0");
                assertThat(rule.path("CidrIpv6").asText()).isNotEqualTo("::/0");
            }
            // the task itself: from its load balancer only
            assertThat(ingressOf(template, "ConsoleService")).isNotEmpty();
            for (JsonNode rule : ingressOf(template, "ConsoleService")) {
                assertThat(rule.has("CidrIp")).as("%s", rule).isFalse();
                assertThat(rule.get("SourceSecurityGroupId").toString()).contains("ConsoleEntryAlb");
            }
        }
    }

    @Test
    void the_public_api_load_balancer_routes_nothing_to_the_console() {
        for (Map.Entry<String, JsonNode> rule : resources(standard, "AWS::ElasticLoadBalancingV2::ListenerRule")) {
            assertThat(rule.getValue().toString()).as(rule.getKey()).doesNotContain("/console")
                    .doesNotContain("ConsoleEntry");
        }
        for (Map.Entry<String, JsonNode> listener : resources(standard, "AWS::ElasticLoadBalancingV2::Listener")) {
            if (!listener.getKey().startsWith("ConsoleEntry")) {
                assertThat(listener.getValue().toString()).as(listener.getKey()).doesNotContain("ConsoleEntry");
            }
        }
    }

    @Test
    void with_an_office_range_and_a_certificate_the_console_faces_the_internet_for_that_range_only_over_https() {
        JsonNode balancer = consoleBalancer(office);
        assertThat(balancer.at("/Properties/Scheme").asText()).isEqualTo("internet-facing");
        List<JsonNode> ingress = consoleBalancerIngress(office);
        assertThat(ingress).hasSize(1);
        assertThat(ingress.get(0).get("CidrIp").asText()).isEqualTo(OFFICE);
        assertThat(ingress.get(0).get("FromPort").asInt()).isEqualTo(443);
        JsonNode listener = listener(office);
        assertThat(listener.at("/Properties/Protocol").asText()).isEqualTo("HTTPS");
        assertThat(listener.at("/Properties/Certificates/0/CertificateArn").asText())
                .isEqualTo(TestDeployments.ALB_CERTIFICATE);
    }

    @Test
    void console_reaches_protector_task_to_task_by_its_private_dns_name() {
        assertThat(only(standard, "AWS::ServiceDiscovery::PrivateDnsNamespace").at("/Properties/Name").asText())
                .isEqualTo("edgeward.internal");
        assertThat(only(standard, "AWS::ServiceDiscovery::Service").at("/Properties/Name").asText())
                .isEqualTo("protector");
        assertThat(ecsService(standard, "Protector").at("/Properties/ServiceRegistries").toString())
                .contains("ProtectorServiceCloudmapService");
        List<JsonNode> fromConsole = ingressOf(standard, "ProtectorService").stream()
                .filter(rule -> rule.path("SourceSecurityGroupId").toString().contains("ConsoleService")).toList();
        assertThat(fromConsole).hasSize(1);
        assertThat(fromConsole.get(0).get("FromPort").asInt()).isEqualTo(8081);
        assertThat(fromConsole.get(0).get("ToPort").asInt()).isEqualTo(8081);
    }

    @Test
    void operators_may_port_forward_into_the_console_task_and_into_no_other() {
        for (Map.Entry<String, JsonNode> service : resources(standard, "AWS::ECS::Service")) {
            boolean console = service.getKey().startsWith("ConsoleService");
            assertThat(service.getValue().at("/Properties/EnableExecuteCommand").asBoolean())
                    .as(service.getKey()).isEqualTo(console);
        }
    }

    @Test
    void protector_is_told_the_challenges_topic_it_publishes_outcomes_to() {
        assertThat(environment(standard, "protector-api"))
                .containsEntry("EDGEWARD_CHALLENGES_TOPIC", "edgeward.challenges");
        assertThat(environment(without, "protector-api"))
                .containsEntry("EDGEWARD_CHALLENGES_TOPIC", "edgeward.challenges");
    }

    @Test
    void switched_off_the_console_leaves_nothing_behind_and_protector_registers_no_name() {
        assertThat(resources(without, "AWS::ECS::Service")).hasSize(3);
        assertThat(resources(without, "AWS::ECS::TaskDefinition").toString()).doesNotContain("io.edgeward.console");
        assertThat(resources(without, "AWS::ElasticLoadBalancingV2::LoadBalancer")).hasSize(1);
        assertThat(resources(without, "AWS::ServiceDiscovery::PrivateDnsNamespace")).isEmpty();
        assertThat(ecsService(without, "Protector").at("/Properties").has("ServiceRegistries")).isFalse();
        assertThat(without.get("Outputs").has("ConsoleUrl")).isFalse();
        assertThat(standard.get("Outputs").has("ConsoleUrl")).isTrue();
    }

    private static DeploySettings withConsole(DeploySettings settings, ConsoleSettings console) {
        return new DeploySettings(settings.account(), settings.region(), settings.prefix(), settings.sourceRoot(),
                settings.services().withConsole(console), settings.kafka(), settings.edge(), settings.passive());
    }

    private static JsonNode services(DeploySettings settings, String name) {
        App app = App.Builder.create().outdir(dir.resolve(name).toString()).build();
        return JSON.valueToTree(software.amazon.awscdk.assertions.Template.fromStack(
                EdgewardApp.compose(app, settings).services()).toJSON());
    }

    private static JsonNode container(JsonNode template, String name) {
        return resources(template, "AWS::ECS::TaskDefinition").stream()
                .map(e -> e.getValue().at("/Properties/ContainerDefinitions/0"))
                .filter(c -> c.get("Name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Map<String, String> environment(JsonNode template, String name) {
        Map<String, String> env = new HashMap<>();
        container(template, name).get("Environment")
                .forEach(e -> env.put(e.get("Name").asText(), e.get("Value").isTextual()
                        ? e.get("Value").asText() : e.get("Value").toString()));
        return env;
    }

    private static JsonNode ecsService(JsonNode template, String prefix) {
        return resources(template, "AWS::ECS::Service").stream()
                .filter(e -> e.getKey().startsWith(prefix + "Service")).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no ECS service " + prefix));
    }

    private static JsonNode consoleBalancer(JsonNode template) {
        return resources(template, "AWS::ElasticLoadBalancingV2::LoadBalancer").stream()
                .filter(e -> e.getKey().startsWith("ConsoleEntry")).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no console load balancer"));
    }

    private static JsonNode listener(JsonNode template) {
        return resources(template, "AWS::ElasticLoadBalancingV2::Listener").stream()
                .filter(e -> e.getKey().startsWith("ConsoleEntry")).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no console listener"));
    }

    private static List<JsonNode> consoleBalancerIngress(JsonNode template) {
        return ingressOf(template, "ConsoleEntryAlb");
    }

    /** Ingress rules, inline in a security group or standalone, of the security groups whose id starts so. */
    private static List<JsonNode> ingressOf(JsonNode template, String groupPrefix) {
        List<JsonNode> ingress = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : resources(template, "AWS::EC2::SecurityGroup")) {
            if (group.getKey().startsWith(groupPrefix)) {
                group.getValue().at("/Properties/SecurityGroupIngress").forEach(ingress::add);
            }
        }
        for (Map.Entry<String, JsonNode> rule : resources(template, "AWS::EC2::SecurityGroupIngress")) {
            if (rule.getValue().at("/Properties/GroupId").toString().contains("\"" + groupPrefix)) {
                ingress.add(rule.getValue().get("Properties"));
            }
        }
        return ingress;
    }
}
