package io.edgeward.cdk;

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
import io.edgeward.cdk.config.ServicesSettings;
import io.edgeward.cdk.constructs.KafkaAccess;
import io.edgeward.env.kafka.KafkaEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A new MSK cluster with the defaults: TLS and IAM client authentication, each task role allowed its own topics and
 * groups only, and each service told to sign with AWS_MSK_IAM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MskIamSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("protector-api", "ingest-service", "detection-engine",
            "console");

    @TempDir
    static Path dir;
    private Template services;
    private JsonNode servicesJson;

    @BeforeAll
    void synth() {
        DistributionSettings attach = new DistributionSettings(true, null, null, null, null, Mode.MITIGATE,
                List.of(new BehaviorSettings("/checkout/*", Mode.MITIGATE)), null, null);
        DeploySettings settings = new DeploySettings(null, "eu-central-1", "iam-shop", TestDeployments.repositoryRoot(),
                new ServicesSettings(null, true, List.of("198.51.100.0/24"), null,
                        List.of("eu-central-1a", "eu-central-1b"), null, null, null),
                KafkaSettings.newMsk(MskSettings.defaults()),
                TestDeployments.edge(TestDeployments.keysFile(dir), attach));
        App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        EdgewardApp.Stacks stacks = EdgewardApp.compose(app, settings);
        services = Template.fromStack(stacks.services());
        servicesJson = JSON.valueToTree(services.toJSON());
    }

    @Test
    void msk_requires_iam_client_authentication() {
        services.hasResourceProperties("AWS::MSK::Cluster", Match.objectLike(Map.of(
                "ClientAuthentication", Map.of(
                        "Sasl", Map.of("Iam", Map.of("Enabled", true)),
                        "Unauthenticated", Map.of("Enabled", false)),
                "EncryptionInfo", Map.of("EncryptionInTransit", Map.of("ClientBroker", "TLS", "InCluster", true)))));
    }

    @Test
    void brokers_accept_the_services_on_the_iam_port_only() {
        List<JsonNode> ingress = resources(servicesJson, "AWS::EC2::SecurityGroupIngress").stream()
                .map(e -> e.getValue().get("Properties"))
                .filter(p -> p.get("GroupId").toString().contains("KafkaBrokers")).toList();
        assertThat(ingress).hasSize(SERVICES.size()).allSatisfy(rule -> {
            assertThat(rule.get("FromPort").asInt()).isEqualTo(9098);
            assertThat(rule.get("ToPort").asInt()).isEqualTo(9098);
        });
    }

    @Test
    void each_service_gets_the_sasl_ssl_iam_settings_and_its_reader_turns_them_into_iam_clients() {
        for (String service : SERVICES) {
            Map<String, String> env = new HashMap<>();
            JsonNode bootstrap = null;
            for (JsonNode variable : container(service).get("Environment")) {
                if (variable.get("Name").asText().equals("EDGEWARD_KAFKA_BOOTSTRAP")) {
                    bootstrap = variable.get("Value");
                } else if (variable.get("Name").asText().startsWith("EDGEWARD_KAFKA_")) {
                    env.put(variable.get("Name").asText(), variable.get("Value").asText());
                }
            }
            assertThat(bootstrap).as(service).isNotNull();
            assertThat(bootstrap.toString()).contains("BootstrapBrokerStringSaslIam");
            assertThat(env).as(service).containsEntry("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM");

            // the brokers are known at deploy time only; every other variable is read as the service reads it
            env.put("EDGEWARD_KAFKA_BOOTSTRAP", "b-1.iam-shop.kafka.example:9098");
            assertThat(KafkaEnvironment.read(env).clientProperties()).as(service)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                    .containsEntry("sasl.client.callback.handler.class",
                            "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }
    }

    @Test
    void ingest_may_write_the_logs_and_read_nothing() {
        Map<String, List<String>> ingest = permissions("ingest-service");
        assertThat(ingest.get("kafka-cluster:WriteData")).containsExactly("*:topic/*/edgeward.logs");
        assertThat(ingest).doesNotContainKeys("kafka-cluster:ReadData", "kafka-cluster:AlterGroup");
        assertThat(ingest.get("kafka-cluster:CreateTopic")).containsExactlyInAnyOrder("*:topic/*/edgeward.logs",
                "*:topic/*/edgeward.detections", "*:topic/*/edgeward.decisions");
        assertThat(ingest.get("kafka-cluster:Connect")).containsExactly("*");
    }

    @Test
    void protector_may_use_the_decisions_and_nonces_and_never_the_logs() {
        Map<String, List<String>> protector = permissions("protector-api");
        assertThat(protector.get("kafka-cluster:ReadData")).containsExactlyInAnyOrder(
                "*:topic/*/edgeward.decisions", "*:topic/*/" + KafkaAccess.CHALLENGE_NONCES);
        for (String action : List.of("kafka-cluster:WriteData", "kafka-cluster:CreateTopic")) {
            assertThat(protector.get(action)).as(action).containsExactlyInAnyOrder(
                    "*:topic/*/edgeward.decisions", "*:topic/*/" + KafkaAccess.CHALLENGE_NONCES,
                    "*:topic/*/edgeward.challenges");
        }
        assertThat(protector.get("kafka-cluster:AlterGroup")).containsExactly("*:group/*/edgeward-protector*");
        assertThat(String.join(",", protector.values().stream().flatMap(List::stream).toList()))
                .doesNotContain("edgeward.logs");
    }

    @Test
    void detection_reads_the_logs_in_its_own_group_and_writes_decisions() {
        Map<String, List<String>> detection = permissions("detection-engine");
        assertThat(detection.get("kafka-cluster:ReadData")).containsExactlyInAnyOrder("*:topic/*/edgeward.logs",
                "*:topic/*/edgeward.decisions", "*:topic/*/edgeward-detection-*");
        assertThat(detection.get("kafka-cluster:WriteData")).containsExactlyInAnyOrder(
                "*:topic/*/edgeward.detections", "*:topic/*/edgeward.decisions", "*:topic/*/edgeward.logs.dlq",
                "*:topic/*/edgeward-detection-*");
        assertThat(detection.get("kafka-cluster:AlterGroup")).containsExactly("*:group/*/edgeward-detection");
        assertThat(detection.get("kafka-cluster:CreateTopic")).doesNotContain("*:topic/*/edgeward.logs");
    }

    @Test
    void console_reads_logs_detections_and_challenges_and_writes_only_its_own_streams_topics() {
        Map<String, List<String>> console = permissions("console");
        assertThat(console.get("kafka-cluster:ReadData")).containsExactlyInAnyOrder("*:topic/*/edgeward.logs",
                "*:topic/*/edgeward.detections", "*:topic/*/edgeward.challenges", "*:topic/*/iam-shop-console-*");
        assertThat(console.get("kafka-cluster:WriteData")).containsExactly("*:topic/*/iam-shop-console-*");
        assertThat(console.get("kafka-cluster:CreateTopic")).containsExactly("*:topic/*/iam-shop-console-*");
        assertThat(console.get("kafka-cluster:AlterGroup")).containsExactly("*:group/*/iam-shop-console");
        // a new task without local state drops its own group's positions, and no other group's
        assertThat(console.get("kafka-cluster:DeleteGroup")).containsExactly("*:group/*/iam-shop-console");
        // a leaked console credential cannot write a decision on Kafka: decisions go through Protector's admin API
        assertThat(String.join(",", console.values().stream().flatMap(List::stream).toList()))
                .doesNotContain("edgeward.decisions");
    }

    @Test
    void the_console_application_id_is_the_one_its_grants_name() {
        assertThat(container("console").get("Environment").toString())
                .contains("{\"Name\":\"EDGEWARD_CONSOLE_APP_ID\",\"Value\":\"iam-shop-console\"}");
    }

    @Test
    void no_task_role_gets_a_wildcard_kafka_action_or_resource() {
        for (String service : SERVICES) {
            Map<String, List<String>> permissions = permissions(service);
            assertThat(permissions.keySet()).as(service).allSatisfy(action ->
                    assertThat(action).startsWith("kafka-cluster:").doesNotContain("*"));
            assertThat(permissions.keySet()).as(service).doesNotContain("kafka-cluster:DeleteTopic",
                    "kafka-cluster:AlterCluster", "kafka-cluster:AlterTopic");
        }
    }

    private JsonNode container(String module) {
        for (Map.Entry<String, JsonNode> task : resources(servicesJson, "AWS::ECS::TaskDefinition")) {
            JsonNode container = task.getValue().at("/Properties/ContainerDefinitions/0");
            if (container.get("Name").asText().equals(module)) {
                return container;
            }
        }
        throw new AssertionError("no task definition for " + module);
    }

    /**
     * The kafka-cluster actions of the module's task role, each with its resources; a deploy-time part of an ARN
     * (the new cluster's) shows as {@code *}.
     */
    private Map<String, List<String>> permissions(String module) {
        String role = null;
        for (Map.Entry<String, JsonNode> task : resources(servicesJson, "AWS::ECS::TaskDefinition")) {
            JsonNode properties = task.getValue().get("Properties");
            if (properties.at("/ContainerDefinitions/0/Name").asText().equals(module)) {
                role = properties.at("/TaskRoleArn/Fn::GetAtt/0").asText();
            }
        }
        Map<String, List<String>> permissions = new HashMap<>();
        for (Map.Entry<String, JsonNode> policy : resources(servicesJson, "AWS::IAM::Policy")) {
            JsonNode properties = policy.getValue().get("Properties");
            if (!properties.get("Roles").toString().contains("\"" + role + "\"")) {
                continue;
            }
            for (JsonNode statement : properties.at("/PolicyDocument/Statement")) {
                List<String> resources = new ArrayList<>();
                JsonNode resource = statement.get("Resource");
                (resource.isArray() ? resource : JSON.createArrayNode().add(resource))
                        .forEach(r -> resources.add(describe(r)));
                JsonNode action = statement.get("Action");
                (action.isArray() ? action : JSON.createArrayNode().add(action)).forEach(a -> {
                    if (a.asText().startsWith("kafka-cluster:")) {
                        permissions.computeIfAbsent(a.asText(), k -> new ArrayList<>()).addAll(resources);
                    }
                });
            }
        }
        assertThat(permissions).as("kafka permissions of " + module).isNotEmpty();
        permissions.replaceAll((k, v) -> new ArrayList<>(new TreeSet<>(v)));
        return permissions;
    }

    private static String describe(JsonNode resource) {
        if (resource.isTextual()) {
            return resource.asText();
        }
        JsonNode join = resource.get("Fn::Join");
        if (join == null) {
            return "*";
        }
        StringBuilder text = new StringBuilder();
        join.get(1).forEach(part -> text.append(part.isTextual() ? part.asText() : "*"));
        return text.toString();
    }
}
