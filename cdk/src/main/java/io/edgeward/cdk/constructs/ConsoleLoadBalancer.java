package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.ConsoleSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
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
 * The operator console's entry, a load balancer of its own rather than a rule on the API's: the API's is public (the
 * edge calls it from everywhere), and the console holds the admin token. Internal by default, in the private subnets;
 * its security group admits the VPC's range and the configured {@code allowedCidrs} only, never the whole internet
 * (the listener is not "open"). HTTPS with the configured certificate, else plain HTTP on 80, which only a
 * port-forward to localhost can use (browsers keep the console's Secure cookie from plain-HTTP hosts other than
 * localhost).
 */
public final class ConsoleLoadBalancer extends Construct {

    private final ApplicationLoadBalancer loadBalancer;
    private final String scheme;

    public ConsoleLoadBalancer(Construct scope, String id, IVpc vpc, ConsoleSettings settings, FargateService service,
            int port, String healthPath) {
        super(scope, id);
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(vpc)
                .internetFacing(settings.internetFacing())
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(settings.internetFacing() ? SubnetType.PUBLIC : SubnetType.PRIVATE_WITH_EGRESS)
                        .build())
                .dropInvalidHeaderFields(true)
                .build();
        ApplicationTargetGroup targets = ApplicationTargetGroup.Builder.create(this, "Console")
                .vpc(vpc)
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(port)
                .deregistrationDelay(Duration.seconds(5))
                .healthCheck(HealthCheck.builder().path(healthPath).healthyHttpCodes("200").build())
                .build();
        targets.addTarget(service);
        service.getConnections().allowFrom(loadBalancer, Port.tcp(port), "load balancer to the console");

        boolean https = settings.certificateArn() != null;
        this.scheme = https ? "https" : "http";
        int listenerPort = https ? 443 : 80;
        BaseApplicationListenerProps.Builder props = BaseApplicationListenerProps.builder()
                .open(false)
                .defaultAction(ListenerAction.forward(List.of(targets)));
        if (https) {
            props.protocol(ApplicationProtocol.HTTPS).port(listenerPort)
                    .certificates(List.of(ListenerCertificate.fromArn(settings.certificateArn())))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS);
        } else {
            props.protocol(ApplicationProtocol.HTTP).port(listenerPort);
        }
        ApplicationListener listener = loadBalancer.addListener("Listener", props.build());
        listener.getNode().addDependency(targets);

        if (!settings.internetFacing()) {
            // A bastion or an SSM port-forward inside the VPC; an internet-facing one is for allowedCidrs only.
            loadBalancer.getConnections().allowFrom(Peer.ipv4(vpc.getVpcCidrBlock()), Port.tcp(listenerPort),
                    "the VPC to the console");
        }
        for (String cidr : settings.allowedCidrs()) {
            loadBalancer.getConnections().allowFrom(cidr.contains(":") ? Peer.ipv6(cidr) : Peer.ipv4(cidr),
                    Port.tcp(listenerPort), "operators to the console");
        }
    }

    /** Base URL as the load balancer serves it; the console itself is under {@code /console/}. */
    public String url() {
        return scheme + "://" + loadBalancer.getLoadBalancerDnsName();
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
