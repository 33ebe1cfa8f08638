package io.edgeward.cdk;

import static io.edgeward.cdk.TemplateJson.cacheBehavior;
import static io.edgeward.cdk.TemplateJson.distributionConfig;
import static io.edgeward.cdk.TemplateJson.only;
import static io.edgeward.cdk.TemplateJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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
 * The whole app, synthesized once offline: a new distribution in front of an existing origin (default mitigate,
 * /api/* inject, /static/* passive, /reports* monitor), existing Kafka, HTTPS load balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardDeploymentSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private App app;
    private Template edge;
    private Template services;
    private JsonNode edgeJson;
    private JsonNode servicesJson;

    @BeforeAll
    void synth() {
        app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        EdgewardApp.Stacks stacks = EdgewardApp.compose(app, TestDeployments.standard(TestDeployments.keysFile(dir)));
        edge = Template.fromStack(stacks.edge());
        services = Template.fromStack(stacks.services());
        edgeJson = JSON.valueToTree(edge.toJSON());
        servicesJson = JSON.valueToTree(services.toJSON());
    }

    @Test
    void edge_stack_is_in_us_east_1_and_services_in_their_region() {
        var assembly = app.synth();
        assertThat(assembly.getStackByName("EdgewardEdge").getEnvironment().getRegion()).isEqualTo("us-east-1");
        assertThat(assembly.getStackByName("EdgewardServices").getEnvironment().getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void protected_behaviors_carry_viewer_request_with_body_and_the_shipper_at_viewer_and_origin_response() {
        JsonNode config = distributionConfig(edgeJson);
        List<JsonNode> protectedBehaviors = List.of(config.get("DefaultCacheBehavior"), cacheBehavior(edgeJson, "/api/*"),
                cacheBehavior(edgeJson, "/reports*"), cacheBehavior(edgeJson, "/.edgeward/*"));
        for (JsonNode behavior : protectedBehaviors) {
            JsonNode associations = behavior.get("LambdaFunctionAssociations");
            assertThat(associations).as("associations of %s", behavior.path("PathPattern")).hasSize(4);
            assertThat(association(associations, "viewer-request").get("IncludeBody").asBoolean()).isTrue();
            assertThat(versionRef(association(associations, "viewer-request"))).contains("ViewerRequest");
            assertThat(versionRef(association(associations, "viewer-response"))).contains("LogShipper");
            assertThat(versionRef(association(associations, "origin-response"))).contains("LogShipper");
            assertThat(association(associations, "viewer-response").has("IncludeBody")).isFalse();
        }
    }

    @Test
    void protected_behaviors_carry_the_origin_request_function_for_the_scopes_cloudfront_adds_later() {
        JsonNode config = distributionConfig(edgeJson);
        for (JsonNode behavior : List.of(config.get("DefaultCacheBehavior"), cacheBehavior(edgeJson, "/api/*"),
                cacheBehavior(edgeJson, "/reports*"))) {
            JsonNode originRequest = association(behavior.get("LambdaFunctionAssociations"), "origin-request");
            assertThat(versionRef(originRequest)).contains("OriginRequest").doesNotContain("ViewerRequest");
            assertThat(originRequest.has("IncludeBody")).isFalse();
        }
    }

    @Test
    void the_origin_request_function_runs_its_own_bundle_with_the_same_edge_config() throws IOException {
        JsonNode viewerConfig = JSON.readTree(assetDir("ViewerRequest").resolve("edgeward-edge.json").toFile());
        JsonNode originConfig = JSON.readTree(assetDir("OriginRequest").resolve("edgeward-edge.json").toFile());

        assertThat(originConfig).isEqualTo(viewerConfig);
        assertThat(Files.readString(assetDir("OriginRequest").resolve("index.js")))
                .contains("standing in for the TeaVM origin-request bundle");
    }

    @Test
    void passive_behavior_has_no_edge_functions() {
        assertThat(cacheBehavior(edgeJson, "/static/*").path("LambdaFunctionAssociations")).isEmpty();
    }

    @Test
    void challenge_verification_path_takes_post_and_is_never_cached() {
        JsonNode verify = cacheBehavior(edgeJson, "/.edgeward/*");
        assertThat(verify.get("AllowedMethods").toString()).contains("POST");
        // The managed CachingDisabled policy.
        assertThat(verify.get("CachePolicyId").asText()).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    }

    @Test
    void behaviors_keep_the_configured_order_after_the_verification_path() {
        List<String> patterns = distributionConfig(edgeJson).get("CacheBehaviors").findValuesAsText("PathPattern");
        assertThat(patterns).containsExactly("/.edgeward/*", "/api/*", "/static/*", "/reports*");
    }

    @Test
    void edge_functions_run_on_nodejs_22_without_environment_variables() {
        Map<String, Map<String, Object>> functions = edge.findResources("AWS::Lambda::Function",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Handler", "index.handler")))));
        assertThat(functions).hasSize(3);
        edge.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "nodejs22.x", "Environment", Match.absent())));
    }

    @Test
    void edge_function_role_trusts_lambda_at_edge() {
        edge.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "edgelambda.amazonaws.com"))))))))));
    }

    @Test
    void origin_request_policy_forwards_viewer_headers_with_country_and_tls_fingerprints() {
        edge.hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", Match.objectLike(Map.of(
                "OriginRequestPolicyConfig", Match.objectLike(Map.of(
                        "HeadersConfig", Map.of(
                                "HeaderBehavior", "allViewerAndWhitelistCloudFront",
                                "Headers", List.of("CloudFront-Viewer-Country", "CloudFront-Viewer-JA3-Fingerprint",
                                        "CloudFront-Viewer-JA4-Fingerprint", "CloudFront-Viewer-ASN")),
                        "CookiesConfig", Map.of("CookieBehavior", "all"),
                        "QueryStringsConfig", Map.of("QueryStringBehavior", "all"))))));
    }

    @Test
    void cache_key_leaves_out_the_session_cookie() {
        edge.hasResourceProperties("AWS::CloudFront::CachePolicy", Match.objectLike(Map.of(
                "CachePolicyConfig", Match.objectLike(Map.of(
                        "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
                                "CookiesConfig", Map.of("CookieBehavior", "allExcept", "Cookies", List.of("__Host-ew")))))))));
    }

    @Test
    void distribution_serves_the_custom_domain_over_https_in_front_of_the_origin() {
        JsonNode config = distributionConfig(edgeJson);
        assertThat(config.get("Aliases").toString()).contains("www.shop.example");
        assertThat(config.get("ViewerCertificate").get("AcmCertificateArn").asText())
                .isEqualTo(TestDeployments.CLOUDFRONT_CERTIFICATE);
        assertThat(config.get("Origins").get(0).get("DomainName").asText()).isEqualTo("origin.shop.example");
        assertThat(config.get("DefaultCacheBehavior").get("ViewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
    }

    @Test
    void edge_config_is_generated_into_every_function_asset() throws IOException {
        for (String function : List.of("ViewerRequest", "OriginRequest", "LogShipper")) {
            JsonNode config = JSON.readTree(assetDir(function).resolve("edgeward-edge.json").toFile());
            assertThat(config.at("/protector/url").asText()).isEqualTo("https://api.edgeward.example");
            assertThat(config.at("/protector/apiKey").asText()).isEqualTo(TestDeployments.EDGE_KEY);
            assertThat(config.at("/ingest/url").asText()).isEqualTo("https://api.edgeward.example");
            assertThat(config.at("/ingest/apiKey").asText()).isEqualTo(TestDeployments.INGEST_KEY);
            assertThat(config.at("/cookie/keys/k1").asText()).isEqualTo(TestDeployments.COOKIE_KEY);
            assertThat(config.at("/cookie/signingKey").asText()).isEqualTo("k1");
            assertThat(config.get("mode").asText()).isEqualTo("mitigate");
            assertThat(config.get("routes")).isEqualTo(JSON.readTree("""
                    [{"pathPrefix":"/api/","mode":"inject"},{"pathPrefix":"/reports","mode":"monitor"}]"""));
            assertThat(config.at("/checkInterval/max").asText()).isEqualTo("PT60S");
            assertThat(assetDir(function).resolve("index.js")).exists();
        }
    }

    @Test
    void four_fargate_services_run_from_images_built_from_the_module_dockerfiles() {
        services.resourceCountIs("AWS::ECS::Service", 4);
        services.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of("LaunchType", "FARGATE")));
        assertThat(containers()).extracting(c -> c.get("Name").asText())
                .containsExactlyInAnyOrder("protector-api", "ingest-service", "detection-engine", "console");
        for (JsonNode container : containers()) {
            assertThat(container.get("Image").toString()).contains("cdk-hnb659fds-container-assets");
        }
    }

    @Test
    void protector_gets_edge_key_and_admin_token_and_ingest_its_key_from_secrets_manager() {
        assertThat(secretNames("protector-api")).containsExactlyInAnyOrder("EDGEWARD_EDGE_KEYS", "EDGEWARD_ADMIN_TOKEN",
                "EDGEWARD_CHALLENGE_KEY");
        assertThat(secretNames("ingest-service")).containsExactly("EDGEWARD_INGEST_KEYS");
        assertThat(secretNames("detection-engine")).isEmpty();
        for (JsonNode secret : container("protector-api").get("Secrets")) {
            assertThat(secret.get("ValueFrom").has("Ref")).as("%s comes from a secret resource", secret).isTrue();
        }
    }

    @Test
    void secrets_are_generated_by_secrets_manager_retained_and_no_key_is_in_either_template() {
        services.resourceCountIs("AWS::SecretsManager::Secret", 5);
        services.allResources("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain")));
        services.allResourcesProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "GenerateSecretString", Match.anyValue(), "SecretString", Match.absent())));
        for (String key : List.of(TestDeployments.EDGE_KEY, TestDeployments.INGEST_KEY, TestDeployments.COOKIE_KEY)) {
            assertThat(edgeJson.toString()).doesNotContain(key);
            assertThat(servicesJson.toString()).doesNotContain(key);
        }
    }

    @Test
    void existing_bootstrap_servers_go_to_every_service_and_no_msk_cluster_is_created() {
        services.resourceCountIs("AWS::MSK::Cluster", 0);
        for (String name : List.of("protector-api", "ingest-service", "detection-engine", "console")) {
            assertThat(environment(name)).containsEntry("EDGEWARD_KAFKA_BOOTSTRAP",
                    "b-1.kafka.internal:9092,b-2.kafka.internal:9092");
        }
        assertThat(environment("protector-api")).containsEntry("EDGEWARD_PROTECTOR_BIND", "0.0.0.0")
                .containsEntry("EDGEWARD_PROTECTOR_PORT", "8081");
        assertThat(environment("ingest-service")).containsEntry("EDGEWARD_INGEST_PORT", "8082")
                .containsEntry("EDGEWARD_INGEST_REPLICATION", "3");
    }

    @Test
    void load_balancer_serves_https_and_routes_protector_and_ingest_paths() {
        // the API's, public, and the console's, internal (OperatorConsoleSynthTest)
        services.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 2);
        services.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", TestDeployments.ALB_CERTIFICATE)))));
        services.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 3);
        services.allResourcesProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "TargetType", "ip")));
        assertThat(resources(servicesJson, "AWS::ElasticLoadBalancingV2::TargetGroup").stream()
                .map(e -> e.getValue().at("/Properties/HealthCheckPath").asText()).toList())
                .containsExactlyInAnyOrder("/health", "/health", "/console/login");
        assertThat(rulePaths("forward")).containsExactlyInAnyOrder("/v1/check", "/v1/challenge/*", "/v1/logs", "/v1/logs/*");
    }

    @Test
    void protector_and_ingest_scale_out_on_cpu_from_their_desired_count() {
        services.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 2);
        services.allResourcesProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 2, "MaxCapacity", 8)));
        services.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
    }

    @Test
    void admin_api_is_refused_at_the_load_balancer_when_no_admin_cidrs_are_set() {
        services.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Match.objectLike(Map.of(
                "Actions", List.of(Match.objectLike(Map.of("Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "403"))))),
                "Conditions", List.of(Match.objectLike(Map.of("Field", "path-pattern",
                        "PathPatternConfig", Map.of("Values", List.of("/v1/admin/*"))))))));
        assertThat(rulePaths("forward")).doesNotContain("/v1/admin/*");
    }

    private static JsonNode association(JsonNode associations, String eventType) {
        for (JsonNode association : associations) {
            if (association.get("EventType").asText().equals(eventType)) {
                return association;
            }
        }
        throw new AssertionError("no " + eventType + " association in " + associations);
    }

    private static String versionRef(JsonNode association) {
        return association.get("LambdaFunctionARN").toString();
    }

    private Path assetDir(String function) {
        for (Map.Entry<String, JsonNode> resource : resources(edgeJson, "AWS::Lambda::Function")) {
            if (resource.getKey().contains(function)) {
                String key = resource.getValue().at("/Properties/Code/S3Key").asText();
                return Path.of(app.getAssetOutdir(), "asset." + key.replace(".zip", ""));
            }
        }
        throw new AssertionError("no function " + function);
    }

    private List<JsonNode> containers() {
        return resources(servicesJson, "AWS::ECS::TaskDefinition").stream()
                .map(e -> e.getValue().at("/Properties/ContainerDefinitions/0")).toList();
    }

    private JsonNode container(String name) {
        return containers().stream().filter(c -> c.get("Name").asText().equals(name)).findFirst().orElseThrow();
    }

    private List<String> secretNames(String container) {
        return container(container).path("Secrets").findValuesAsText("Name");
    }

    private Map<String, String> environment(String container) {
        Map<String, String> env = new java.util.HashMap<>();
        container(container).get("Environment").forEach(e -> env.put(e.get("Name").asText(), e.get("Value").asText()));
        return env;
    }

    private List<String> rulePaths(String actionType) {
        List<String> paths = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> rule : resources(servicesJson, "AWS::ElasticLoadBalancingV2::ListenerRule")) {
            JsonNode properties = rule.getValue().get("Properties");
            if (properties.at("/Actions/0/Type").asText().equals(actionType)) {
                properties.at("/Conditions/0/PathPatternConfig/Values").forEach(v -> paths.add(v.asText()));
            }
        }
        return paths;
    }
}
