package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.ServicesSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.ecs.FargateService;
import software.constructs.Construct;

/**
 * The public entry to protector-api and ingest-service, routed by path on one listener (HTTPS with a certificate,
 * plain HTTP only when explicitly allowed). Lambda@Edge calls come from anywhere, so the listener is open; every
 * route is authenticated by the services themselves. The admin API is forwarded only from {@code adminCidrs}; from
 * anywhere else the load balancer answers 403 in the problem shape.
 */
public final class ApiLoadBalancer extends Construct {

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationListener listener;
    private final String scheme;

    public ApiLoadBalancer(Construct scope, String id, IVpc vpc, ServicesSettings settings) {
        super(scope, id);
        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(vpc).internetFacing(true).dropInvalidHeaderFields(true).build();
        boolean https = settings.certificateArn() != null;
        this.scheme = https ? "https" : "http";
        BaseApplicationListenerProps.Builder props = BaseApplicationListenerProps.builder()
                .open(true)
                .defaultAction(problem(404, "not_found", "no Edgeward API at this path"));
        if (https) {
            props.protocol(ApplicationProtocol.HTTPS).port(443)
                    .certificates(List.of(ListenerCertificate.fromArn(settings.certificateArn())))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS);
            loadBalancer.addRedirect();
        } else {
            props.protocol(ApplicationProtocol.HTTP).port(80);
        }
        this.listener = loadBalancer.addListener("Listener", props.build());
    }

    /** Routes the Protector paths, and the admin API from the admin CIDRs only. */
    public void routeProtector(FargateService service, int port, String healthPath, List<String> adminCidrs) {
        ApplicationTargetGroup targets = targetGroup("Protector", service, port, healthPath);
        listener.addAction("Protector", AddApplicationActionProps.builder()
                .priority(30)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/v1/check", "/v1/challenge/*"))))
                .action(ListenerAction.forward(List.of(targets)))
                .build());
        if (!adminCidrs.isEmpty()) {
            listener.addAction("Admin", AddApplicationActionProps.builder()
                    .priority(10)
                    .conditions(List.of(ListenerCondition.pathPatterns(List.of("/v1/admin/*")),
                            ListenerCondition.sourceIps(adminCidrs)))
                    .action(ListenerAction.forward(List.of(targets)))
                    .build());
        }
        listener.addAction("AdminElsewhere", AddApplicationActionProps.builder()
                .priority(20)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/v1/admin/*"))))
                .action(problem(403, "forbidden", "the admin API is not reachable from this address"))
                .build());
    }

    /** Routes the ingest paths. */
    public void routeIngest(FargateService service, int port, String healthPath) {
        ApplicationTargetGroup targets = targetGroup("Ingest", service, port, healthPath);
        listener.addAction("Ingest", AddApplicationActionProps.builder()
                .priority(40)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/v1/logs", "/v1/logs/*"))))
                .action(ListenerAction.forward(List.of(targets)))
                .build());
    }

    private ApplicationTargetGroup targetGroup(String id, FargateService service, int port, String healthPath) {
        ApplicationTargetGroup group = ApplicationTargetGroup.Builder.create(this, id)
                .vpc(loadBalancer.getVpc())
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(port)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder().path(healthPath).healthyHttpCodes("200").build())
                .build();
        group.addTarget(service);
        service.getConnections().allowFrom(loadBalancer, Port.tcp(port),
                "load balancer to " + id);
        return group;
    }

    private static ListenerAction problem(int status, String error, String detail) {
        return ListenerAction.fixedResponse(status, FixedResponseOptions.builder()
                .contentType("application/json")
                .messageBody("{\"error\":\"" + error + "\",\"detail\":\"" + detail + "\"}")
                .build());
    }

    /** Base URL of the API as the load balancer serves it, e.g. https://edgeward-alb-123.eu-west-1.elb.amazonaws.com */
    public String url() {
        return scheme + "://" + loadBalancer.getLoadBalancerDnsName();
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
