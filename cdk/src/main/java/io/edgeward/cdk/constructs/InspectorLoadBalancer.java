package io.edgeward.cdk.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.ecs.FargateService;
import software.constructs.Construct;

/**
 * The inspecting origin's entry: every path goes to the inline inspector, which itself refuses requests without the
 * origin secret header. Its own load balancer (not a rule on the API's) because it serves the site's whole path
 * space. When no target is healthy the load balancer answers 503, on which CloudFront fails over.
 *
 * <p>Its security group admits CloudFront's origin-facing managed prefix list only, looked up by name at deploy time
 * (the list's id differs per region); nobody else can open a connection, so a scan or a direct attack on the
 * inspector never reaches it. The list weighs about 55 entries against the security group's rule quota (60 by
 * default), hence one listener rule only.
 */
public final class InspectorLoadBalancer extends Construct {

    /** AWS's managed prefix list of the addresses CloudFront connects to origins from. */
    public static final String CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";

    private final ApplicationLoadBalancer loadBalancer;

    public InspectorLoadBalancer(Construct scope, String id, IVpc vpc, String certificateArn, FargateService service,
            int port, String healthPath) {
        super(scope, id);
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(vpc).internetFacing(true).dropInvalidHeaderFields(true).build();
        ApplicationTargetGroup targets = ApplicationTargetGroup.Builder.create(this, "Inspector")
                .vpc(vpc)
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(port)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder().path(healthPath).healthyHttpCodes("200")
                        .interval(Duration.seconds(10)).healthyThresholdCount(2).unhealthyThresholdCount(2).build())
                .build();
        targets.addTarget(service);
        service.getConnections().allowFrom(loadBalancer, Port.tcp(port), "load balancer to the inspector");
        BaseApplicationListenerProps.Builder props = BaseApplicationListenerProps.builder()
                .open(false)
                .defaultAction(ListenerAction.forward(List.of(targets)));
        if (certificateArn != null) {
            props.protocol(ApplicationProtocol.HTTPS).port(443)
                    .certificates(List.of(ListenerCertificate.fromArn(certificateArn)))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS);
        } else {
            props.protocol(ApplicationProtocol.HTTP).port(80);
        }
        ApplicationListener listener = loadBalancer.addListener("Listener", props.build());
        listener.getNode().addDependency(targets);
        loadBalancer.getConnections().allowFrom(Peer.prefixList(cloudFrontPrefixListId()),
                Port.tcp(certificateArn != null ? 443 : 80), "CloudFront origin-facing addresses only");
    }

    /** The prefix list's id in this stack's region, from EC2 at deploy time. */
    private String cloudFrontPrefixListId() {
        String field = "PrefixLists.0.PrefixListId";
        AwsSdkCall describe = AwsSdkCall.builder()
                .service("EC2")
                .action("describeManagedPrefixLists")
                .parameters(Map.of("Filters", List.of(Map.of("Name", "prefix-list-name",
                        "Values", List.of(CLOUDFRONT_ORIGIN_FACING)))))
                .physicalResourceId(PhysicalResourceId.of(CLOUDFRONT_ORIGIN_FACING))
                .outputPaths(List.of(field))
                .build();
        AwsCustomResource lookup = AwsCustomResource.Builder.create(this, "CloudFrontPrefixList")
                .onCreate(describe)
                .onUpdate(describe)
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE).build()))
                .installLatestAwsSdk(false)
                .build();
        return lookup.getResponseField(field);
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
