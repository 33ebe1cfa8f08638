package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.ConsoleSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.InspectorSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.constructs.ApiLoadBalancer;
import io.edgeward.cdk.constructs.ConsoleLoadBalancer;
import io.edgeward.cdk.constructs.EdgewardService;
import io.edgeward.cdk.constructs.InspectorLoadBalancer;
import io.edgeward.cdk.constructs.KafkaAccess;
import io.edgeward.cdk.constructs.MskCluster;
import io.edgeward.cdk.constructs.ServiceSecrets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.FargateService;
import software.constructs.Construct;

/**
 * The regional half: a VPC, the secrets, Kafka (new MSK or existing brokers), and protector-api, ingest-service,
 * detection-engine and the operator console on Fargate, with protector and ingest behind one path-routed load
 * balancer and the console behind an internal one of its own. Stays composable:
 * {@link #vpc()}, {@link #cluster()} and {@link #apiUrl()} are there for stacks added later (passive logs).
 */
public final class ServicesStack extends Stack {

    /** Protector's name in the private DNS namespace, for the console. */
    static final String PROTECTOR_HOST = "protector";

    private final List<String> availabilityZones;
    private final Vpc vpc;
    private final Cluster cluster;
    private final ServiceSecrets secrets;
    private final ApiLoadBalancer api;
    private final FargateService protector;
    private final FargateService ingest;
    private final FargateService detection;

    public ServicesStack(Construct scope, String id, DeploySettings settings) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().account(settings.account()).region(settings.region()).build())
                .description("Edgeward services: protector-api, ingest-service, detection-engine, console and Kafka")
                .build());
        this.availabilityZones = settings.services().availabilityZones();
        Vpc.Builder vpcBuilder = Vpc.Builder.create(this, "Vpc").natGateways(1);
        if (settings.services().availabilityZones().isEmpty()) {
            vpcBuilder.maxAzs(settings.services().maxAzs());
        } else {
            vpcBuilder.availabilityZones(settings.services().availabilityZones());
        }
        this.vpc = vpcBuilder.build();
        this.cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();
        InspectorSettings inspector = settings.services().inspector();
        this.secrets = new ServiceSecrets(this, "Secrets", settings.prefix(), inspector != null);

        KafkaSettings kafka = settings.kafka();
        MskCluster msk = kafka.msk() == null ? null : new MskCluster(this, "Kafka", settings.prefix(), vpc, kafka.msk(),
                kafka.securityProtocol());
        String bootstrap = msk == null ? kafka.bootstrapServers() : msk.bootstrapServers();

        EdgewardService protectorService = new EdgewardService(this, "Protector", cluster, settings.sourceRoot(),
                new EdgewardService.Spec("protector-api", "io.edgeward.protector.App",
                        ServiceEnvironment.PROTECTOR_PORT, settings.services().protector(),
                        ServiceEnvironment.protector(kafka, bootstrap), ServiceEnvironment.protectorSecrets(secrets)));
        EdgewardService ingestService = new EdgewardService(this, "Ingest", cluster, settings.sourceRoot(),
                new EdgewardService.Spec("ingest-service", "io.edgeward.ingest.App",
                        ServiceEnvironment.INGEST_PORT, settings.services().ingest(),
                        ServiceEnvironment.ingest(kafka, bootstrap), ServiceEnvironment.ingestSecrets(secrets)));
        EdgewardService detectionService = new EdgewardService(this, "Detection", cluster, settings.sourceRoot(),
                new EdgewardService.Spec("detection-engine", "io.edgeward.detection.App",
                        null, settings.services().detection(),
                        ServiceEnvironment.detection(kafka, bootstrap), Map.of()));
        if (kafka.iam()) {
            String clusterArn = msk == null ? kafka.clusterArn() : msk.cluster().getAttrArn();
            protectorService.grant(KafkaAccess.protector(clusterArn));
            ingestService.grant(KafkaAccess.ingest(clusterArn));
            detectionService.grant(KafkaAccess.detection(clusterArn));
        }
        this.protector = protectorService.service();
        this.ingest = ingestService.service();
        this.detection = detectionService.service();
        if (msk != null) {
            msk.allowClient(protector);
            msk.allowClient(ingest);
            msk.allowClient(detection);
            CfnOutput.Builder.create(this, "KafkaBootstrapServers").value(bootstrap)
                    .description("MSK bootstrap servers").build();
        }

        this.api = new ApiLoadBalancer(this, "Api", vpc, settings.services());
        api.routeProtector(protector, ServiceEnvironment.PROTECTOR_PORT, ServiceEnvironment.HEALTH_PATH,
                settings.services().adminCidrs());
        api.routeIngest(ingest, ServiceEnvironment.INGEST_PORT, ServiceEnvironment.HEALTH_PATH);

        if (inspector != null) {
            addInspector(settings, inspector);
        }
        if (settings.services().console().enabled()) {
            addConsole(settings, msk, bootstrap, protectorService);
        }

        CfnOutput.Builder.create(this, "ApiUrl").value(api.url())
                .description("protector and ingest base URL (use your custom domain instead when HTTPS is on)").build();
        CfnOutput.Builder.create(this, "SecretNames").value(String.join(",", secrets.edgeKey().getSecretName(),
                        secrets.ingestKey().getSecretName(), secrets.cookieKeys().getSecretName(),
                        secrets.adminToken().getSecretName()))
                .description("edge key, ingest key, cookie keys, admin token").build();
    }

    /** The inline inspector behind its own load balancer: CloudFront's inspecting origin (docs/inline.md). */
    private void addInspector(DeploySettings settings, InspectorSettings inspector) {
        // With HTTPS the services' certificate names a custom domain, not the load balancer: prefer the edge's URLs.
        String protectorUrl = settings.edge() != null ? settings.edge().protectorUrl() : api.url();
        String ingestUrl = settings.edge() != null ? settings.edge().ingestUrl() : api.url();
        FargateService service = new EdgewardService(this, "Inspector", cluster, settings.sourceRoot(),
                new EdgewardService.Spec("inline-inspector", "io.edgeward.inspector.App",
                        ServiceEnvironment.INSPECTOR_PORT, inspector.size(),
                        ServiceEnvironment.inspector(inspector.applicationOrigin(), protectorUrl, ingestUrl),
                        ServiceEnvironment.inspectorSecrets(secrets)))
                .service();
        InspectorLoadBalancer entry = new InspectorLoadBalancer(this, "InspectorEntry", vpc, inspector.certificateArn(),
                service, ServiceEnvironment.INSPECTOR_PORT, ServiceEnvironment.INSPECTOR_HEALTH_PATH);
        CfnOutput.Builder.create(this, "InspectorDomain").value(entry.loadBalancer().getLoadBalancerDnsName())
                .description("edge.distribution.inline.inspectorDomain (or your custom domain pointing here)").build();
        CfnOutput.Builder.create(this, "OriginSecretName").value(secrets.originSecret().getSecretName())
                .description("copy its value to originSecret in the edge keys file").build();
    }

    /**
     * The operator console behind its own internal load balancer (docs/deploy.md "Operator console"). It calls
     * Protector's admin API directly, task to task, by the name Protector registers in a private DNS namespace
     * ({@code protector.<prefix>.internal}): through the public API load balancer it would arrive from the NAT
     * gateway's address, which the admin rule refuses, and under a certificate for another name.
     */
    private void addConsole(DeploySettings settings, MskCluster msk, String bootstrap, EdgewardService protector) {
        ConsoleSettings console = settings.services().console();
        KafkaSettings kafka = settings.kafka();
        String namespace = settings.prefix() + ".internal";
        cluster.addDefaultCloudMapNamespace(CloudMapNamespaceOptions.builder().name(namespace).vpc(vpc).build());
        protector.service().enableCloudMap(CloudMapOptions.builder().name(PROTECTOR_HOST).build());
        String protectorUrl = "http://" + PROTECTOR_HOST + "." + namespace + ":" + ServiceEnvironment.PROTECTOR_PORT;

        EdgewardService consoleService = new EdgewardService(this, "Console", cluster, settings.sourceRoot(),
                new EdgewardService.Spec("console", "io.edgeward.console.App", ServiceEnvironment.CONSOLE_PORT,
                        console.size(),
                        ServiceEnvironment.console(kafka, bootstrap, settings.prefix(), protectorUrl,
                                vpc.getVpcCidrBlock()),
                        ServiceEnvironment.consoleSecrets(secrets), true))
                .allowPortForwarding();
        FargateService service = consoleService.service();
        if (kafka.iam()) {
            String clusterArn = msk == null ? kafka.clusterArn() : msk.cluster().getAttrArn();
            consoleService.grant(KafkaAccess.console(clusterArn,
                    ServiceEnvironment.consoleApplicationId(settings.prefix())));
        }
        if (msk != null) {
            msk.allowClient(service);
        }
        protector.service().getConnections().allowFrom(service, Port.tcp(ServiceEnvironment.PROTECTOR_PORT),
                "the console to Protector's admin API");
        ConsoleLoadBalancer entry = new ConsoleLoadBalancer(this, "ConsoleEntry", vpc, console, service,
                ServiceEnvironment.CONSOLE_PORT, ServiceEnvironment.CONSOLE_HEALTH_PATH);
        CfnOutput.Builder.create(this, "ConsoleUrl").value(entry.url() + "/console/")
                .description("the operator console (internal unless services.console.internetFacing; docs/deploy.md)")
                .build();
        CfnOutput.Builder.create(this, "ConsoleService")
                .value(cluster.getClusterName() + " " + service.getServiceName())
                .description("ECS cluster and service of the console, for an SSM port-forward (docs/deploy.md)").build();
    }

    /** Configured zones need no lookup: CDK asks the stack, which would otherwise ask AWS when an account is set. */
    @Override
    public List<String> getAvailabilityZones() {
        return availabilityZones == null || availabilityZones.isEmpty() ? super.getAvailabilityZones() : availabilityZones;
    }

    public Vpc vpc() {
        return vpc;
    }

    public Cluster cluster() {
        return cluster;
    }

    public ServiceSecrets secrets() {
        return secrets;
    }

    /** Base URL of the load balancer (a deploy-time token). */
    public String apiUrl() {
        return api.url();
    }
}
