package io.edgeward.cdk.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
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
 */
public final class InspectorLoadBalancer extends Construct {

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
                .open(true)
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
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
