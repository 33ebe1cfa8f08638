package io.edgeward.cdk;

import static io.edgeward.cdk.TemplateJson.cacheBehavior;
import static io.edgeward.cdk.TemplateJson.distributionConfig;
import static io.edgeward.cdk.TemplateJson.only;
import static io.edgeward.cdk.TemplateJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.InlineSettings;
import io.edgeward.cdk.config.InspectorSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.PassiveSettings;
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
 * Passive and inline modes synthesized once: standard logs to a new bucket with the S3 Lambda, real-time logs through
 * Kinesis for the passive behavior, and an inline behavior on an origin group with the inspector service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassiveAndInlineSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ORIGIN_SECRET = "origin-secret-0123456789abcdefghijklmnopq";

    @TempDir
    static Path dir;
    private Template edge;
    private Template services;
    private Template passive;
    private JsonNode edgeJson;
    private JsonNode passiveJson;

    @BeforeAll
    void synth() {
        DistributionSettings distribution = new DistributionSettings(false, "origin.shop.example", null, null, null,
                Mode.MITIGATE, List.of(new BehaviorSettings("/catalog/*", Mode.INLINE),
                        new BehaviorSettings("/static/*", Mode.PASSIVE)),
                null, null, new InlineSettings("inspector.shop.example", null, 3, 2, 20));
        PassiveSettings passiveSettings = new PassiveSettings("shop-cloudfront-logs", false, null, null, true, 2, 50,
                null, "https://api.edgeward.example", TestDeployments.fixtureJar(dir), 1000, List.of("woff2"), 14);
        DeploySettings settings = new DeploySettings("123456789012", "eu-west-1", null, TestDeployments.repositoryRoot(),
                new ServicesSettings(TestDeployments.ALB_CERTIFICATE, false, null, null, null, null, null, null,
                        new InspectorSettings("https://origin.shop.example", TestDeployments.ALB_CERTIFICATE, null)),
                KafkaSettings.existing("b-1.kafka.internal:9092"),
                TestDeployments.edge(TestDeployments.keysFile(dir, ORIGIN_SECRET), distribution), passiveSettings);
        App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        EdgewardApp.Stacks stacks = EdgewardApp.compose(app, settings);
        edge = Template.fromStack(stacks.edge());
        services = Template.fromStack(stacks.services());
        passive = Template.fromStack(stacks.passive());
        edgeJson = JSON.valueToTree(edge.toJSON());
        passiveJson = JSON.valueToTree(passive.toJSON());
        assertThat(stacks.edge().getDependencies()).contains(stacks.passive());
    }

    @Test
    void distribution_delivers_standard_logs_to_the_passive_bucket_under_the_prefix() {
        JsonNode logging = distributionConfig(edgeJson).get("Logging");
        assertThat(logging.get("Bucket").toString()).contains("shop-cloudfront-logs.s3.eu-west-1.");
        assertThat(logging.get("Prefix").asText()).isEqualTo("cloudfront/");
        assertThat(logging.get("IncludeCookies").asBoolean()).isFalse();
    }

    @Test
    void log_bucket_accepts_cloudfront_acl_delivery_blocks_public_access_and_expires_logs() {
        passive.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "shop-cloudfront-logs",
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerPreferred"))),
                "PublicAccessBlockConfiguration", Match.objectLike(Map.of("BlockPublicAcls", true,
                        "RestrictPublicBuckets", true)),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "ExpirationInDays", 14, "Prefix", "cloudfront/", "Status", "Enabled")))))));
    }

    @Test
    void created_log_files_under_the_prefix_invoke_the_s3_lambda() {
        JsonNode notifications = only(passiveJson, "Custom::S3BucketNotifications").at("/Properties/NotificationConfiguration");
        JsonNode lambda = notifications.at("/LambdaFunctionConfigurations/0");
        assertThat(lambda.get("Events").toString()).contains("s3:ObjectCreated:*");
        assertThat(lambda.at("/Filter/Key/FilterRules").toString())
                .contains("\"Name\":\"prefix\",\"Value\":\"cloudfront/\"").contains("\"Name\":\"suffix\",\"Value\":\".gz\"");
        assertThat(lambda.get("LambdaFunctionArn").toString()).contains("S3Function");
    }

    @Test
    void s3_lambda_runs_java_21_from_the_passive_jar_with_ingest_url_and_key_from_secrets_manager() {
        JsonNode function = lambdaWithHandler("io.edgeward.passive.S3LogHandler::handleRequest");
        assertThat(function.at("/Properties/Runtime").asText()).isEqualTo("java21");
        JsonNode env = function.at("/Properties/Environment/Variables");
        assertThat(env.get("EDGEWARD_INGEST_URL").asText()).isEqualTo("https://api.edgeward.example");
        assertThat(env.get("EDGEWARD_BATCH_SIZE").asText()).isEqualTo("1000");
        assertThat(env.get("EDGEWARD_SKIP_EXTENSIONS").asText()).isEqualTo("woff2");
        // A dynamic reference resolved at deploy time: no key in the template.
        assertThat(env.get("EDGEWARD_INGEST_KEY").toString()).contains("{{resolve:secretsmanager:")
                .contains("IngestKey").doesNotContain(TestDeployments.INGEST_KEY);
    }

    @Test
    void failed_asynchronous_s3_invocations_go_to_the_dead_letter_queue_after_two_retries() {
        JsonNode config = only(passiveJson, "AWS::Lambda::EventInvokeConfig").get("Properties");
        assertThat(config.get("FunctionName").toString()).contains("S3Function");
        assertThat(config.get("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(config.at("/DestinationConfig/OnFailure/Destination").toString()).contains("DeadLetters");
    }

    @Test
    void kinesis_lambda_reports_batch_item_failures_bisects_and_bounds_retries() {
        passive.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 10,
                "StartingPosition", "TRIM_HORIZON",
                "DestinationConfig", Match.objectLike(Map.of("OnFailure", Match.anyValue())))));
        JsonNode env = lambdaWithHandler("io.edgeward.passive.KinesisLogHandler::handleRequest")
                .at("/Properties/Environment/Variables");
        assertThat(env.get("EDGEWARD_REALTIME_FIELDS").asText())
                .isEqualTo(String.join(",", PassiveSettings.DEFAULT_REALTIME_FIELDS));
    }

    @Test
    void realtime_stream_and_cloudfront_role_have_the_names_the_edge_stack_refers_to() {
        passive.hasResourceProperties("AWS::Kinesis::Stream", Match.objectLike(Map.of(
                "Name", "edgeward-cloudfront-realtime", "ShardCount", 2)));
        passive.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "RoleName", "edgeward-cloudfront-realtime-logs",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com")))))))));
    }

    @Test
    void realtime_log_config_lists_the_lambda_fields_and_is_attached_to_passive_behaviors_only() {
        JsonNode config = only(edgeJson, "AWS::CloudFront::RealtimeLogConfig").get("Properties");
        List<String> fields = JSON.convertValue(config.get("Fields"), List.class);
        assertThat(fields).isEqualTo(PassiveSettings.DEFAULT_REALTIME_FIELDS);
        assertThat(config.get("SamplingRate").asInt()).isEqualTo(50);
        assertThat(config.get("EndPoints").toString()).contains("Kinesis")
                .contains(":kinesis:eu-west-1:").contains("stream/edgeward-cloudfront-realtime")
                .contains("role/edgeward-cloudfront-realtime-logs");
        assertThat(cacheBehavior(edgeJson, "/static/*").has("RealtimeLogConfigArn")).isTrue();
        assertThat(cacheBehavior(edgeJson, "/catalog/*").has("RealtimeLogConfigArn")).isFalse();
        assertThat(distributionConfig(edgeJson).get("DefaultCacheBehavior").has("RealtimeLogConfigArn")).isFalse();
    }

    @Test
    void inline_behavior_uses_an_origin_group_failing_over_from_the_inspector_to_the_application() {
        JsonNode config = distributionConfig(edgeJson);
        JsonNode group = config.at("/OriginGroups/Items/0");
        assertThat(config.at("/OriginGroups/Quantity").asInt()).isEqualTo(1);
        assertThat(group.at("/FailoverCriteria/StatusCodes/Items").toString()).isEqualTo("[500,502,503,504]");
        String primaryId = group.at("/Members/Items/0/OriginId").asText();
        String fallbackId = group.at("/Members/Items/1/OriginId").asText();
        assertThat(origin(primaryId).get("DomainName").asText()).isEqualTo("inspector.shop.example");
        assertThat(origin(fallbackId).get("DomainName").asText()).isEqualTo("origin.shop.example");

        JsonNode inline = cacheBehavior(edgeJson, "/catalog/*");
        assertThat(inline.get("TargetOriginId").asText()).isEqualTo(group.get("Id").asText());
        assertThat(inline.path("LambdaFunctionAssociations")).isEmpty();
        assertThat(inline.get("AllowedMethods").toString()).doesNotContain("POST");
    }

    @Test
    void inspector_origin_has_the_configured_timeouts_and_the_origin_secret_header() {
        JsonNode inspector = origin(distributionConfig(edgeJson).at("/OriginGroups/Items/0/Members/Items/0/OriginId").asText());
        assertThat(inspector.get("ConnectionTimeout").asInt()).isEqualTo(3);
        assertThat(inspector.get("ConnectionAttempts").asInt()).isEqualTo(2);
        assertThat(inspector.at("/CustomOriginConfig/OriginReadTimeout").asInt()).isEqualTo(20);
        assertThat(inspector.at("/CustomOriginConfig/OriginProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(inspector.get("OriginCustomHeaders").toString())
                .contains("x-edgeward-origin-secret").contains(ORIGIN_SECRET);
    }

    @Test
    void origin_requests_carry_the_viewer_address_for_the_inspector() {
        JsonNode policy = only(edgeJson, "AWS::CloudFront::OriginRequestPolicy");
        assertThat(policy.at("/Properties/OriginRequestPolicyConfig/HeadersConfig").toString())
                .contains("CloudFront-Viewer-Address");
    }

    @Test
    void inspector_runs_on_fargate_behind_its_own_load_balancer_checked_at_the_health_path() {
        services.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "Port", 8083, "HealthCheckPath", "/.edgeward/health")));
        // the API's, the inspector's and the console's
        services.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 3);
        services.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "edgeward/origin-secret")));
        JsonNode task = resources(JSON.valueToTree(services.toJSON()), "AWS::ECS::TaskDefinition").stream()
                .map(Map.Entry::getValue)
                .filter(t -> t.at("/Properties/ContainerDefinitions/0/Name").asText().equals("inline-inspector"))
                .findFirst().orElseThrow();
        JsonNode container = task.at("/Properties/ContainerDefinitions/0");
        assertThat(container.get("Environment").toString()).contains("EDGEWARD_INSPECTOR_ORIGIN")
                .contains("https://origin.shop.example");
        assertThat(container.get("Secrets").toString()).contains("EDGEWARD_ORIGIN_SECRET")
                .contains("EDGEWARD_COOKIE_KEYS").contains("EDGEWARD_EDGE_KEY").contains("EDGEWARD_INGEST_KEY");
    }

    @Test
    void inspector_load_balancer_admits_cloudfronts_origin_facing_prefix_list_only() {
        JsonNode servicesJson = JSON.valueToTree(services.toJSON());
        JsonNode lookup = only(servicesJson, "Custom::AWS");
        assertThat(lookup.at("/Properties/Create").toString()).contains("describeManagedPrefixLists")
                .contains("prefix-list-name").contains("com.amazonaws.global.cloudfront.origin-facing");
        String lookupId = resources(servicesJson, "Custom::AWS").get(0).getKey();
        // Ingress rules, inline in a security group or standalone, of the inspector's load balancer.
        List<JsonNode> ingress = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> group : resources(servicesJson, "AWS::EC2::SecurityGroup")) {
            if (group.getKey().contains("InspectorEntry")) {
                group.getValue().at("/Properties/SecurityGroupIngress").forEach(ingress::add);
            }
        }
        for (Map.Entry<String, JsonNode> rule : resources(servicesJson, "AWS::EC2::SecurityGroupIngress")) {
            if (rule.getValue().at("/Properties/GroupId").toString().contains("InspectorEntryAlb")) {
                ingress.add(rule.getValue().get("Properties"));
            }
        }
        assertThat(ingress).as(servicesJson.get("Resources").toString()).hasSize(1);
        assertThat(ingress.get(0).get("FromPort").asInt()).isEqualTo(443);
        assertThat(ingress.get(0).get("SourcePrefixListId").toString()).contains(lookupId)
                .contains("PrefixLists.0.PrefixListId");
        assertThat(ingress.get(0).has("CidrIp")).as("not open to the internet").isFalse();
    }

    private JsonNode lambdaWithHandler(String handler) {
        return resources(passiveJson, "AWS::Lambda::Function").stream().map(Map.Entry::getValue)
                .filter(f -> handler.equals(f.at("/Properties/Handler").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Lambda with handler " + handler));
    }

    private JsonNode origin(String id) {
        for (JsonNode origin : distributionConfig(edgeJson).get("Origins")) {
            if (origin.get("Id").asText().equals(id)) {
                return origin;
            }
        }
        throw new AssertionError("no origin " + id);
    }
}
