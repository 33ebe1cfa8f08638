package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.ServiceSize;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Edgeward service on Fargate, from the image the repository's one Dockerfile builds for its module (build
 * arguments {@code MODULE}, {@code MAIN_CLASS}, {@code PORT}). CDK's asset pipeline builds and pushes the image at
 * deploy time, so synthesis needs no Docker; the build context is only the Dockerfile and the module's
 * {@code target/} jars (docs/deploy.md "Build"). Services behind the load balancer scale on CPU from their
 * desired count up to {@value #MAX_SCALE_OUT} times it; the detection engine scales with its Kafka partitions, by
 * hand; a {@linkplain Spec#single() single} service (the console) never scales.
 */
public final class EdgewardService extends Construct {

    /**
     * @param module      Maven module directory under the source root
     * @param mainClass   the module's composition root, run by the image
     * @param port        container port the load balancer reaches, or null for none
     * @param environment plain settings
     * @param secrets     settings injected from Secrets Manager by ECS at task start
     * @param single      one task holding state of its own (the console: its sessions in memory, its figures under
     *                    one Kafka Streams application id): never scaled, and on a deployment stopped before its
     *                    replacement starts, so two tasks never split the application's partitions or the operators'
     *                    sessions between them (a short gap instead)
     */
    public record Spec(String module, String mainClass, Integer port, ServiceSize size,
            Map<String, String> environment, Map<String, Secret> secrets, boolean single) {

        /** A stateless or partition-scaled service. */
        public Spec(String module, String mainClass, Integer port, ServiceSize size,
                Map<String, String> environment, Map<String, Secret> secrets) {
            this(module, mainClass, port, size, environment, secrets, false);
        }
    }

    /** Load-balanced services scale out to this many times their desired count. */
    static final int MAX_SCALE_OUT = 4;

    private final FargateService service;
    private final FargateTaskDefinition task;

    public EdgewardService(Construct scope, String id, ICluster cluster, Path sourceRoot, Spec spec) {
        super(scope, id);
        SettingsException.require(Files.isRegularFile(sourceRoot.resolve("Dockerfile")),
                "no Dockerfile at " + sourceRoot.resolve("Dockerfile").toAbsolutePath()
                        + ": sourceRoot must be the Edgeward repository root, was " + sourceRoot);
        SettingsException.require(Files.isDirectory(sourceRoot.resolve(spec.module())),
                "no module " + spec.module() + " at " + sourceRoot.resolve(spec.module()).toAbsolutePath()
                        + ": sourceRoot must be the Edgeward repository root, was " + sourceRoot);
        Map<String, String> buildArgs = new TreeMap<>(Map.of("MODULE", spec.module(), "MAIN_CLASS", spec.mainClass()));
        if (spec.port() != null) {
            buildArgs.put("PORT", spec.port().toString());
        }

        this.task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(spec.size().cpu())
                .memoryLimitMiB(spec.size().memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        ContainerDefinitionOptions.Builder container = ContainerDefinitionOptions.builder()
                .containerName(spec.module())
                .image(ContainerImage.fromAsset(sourceRoot.toString(), AssetImageProps.builder()
                        .platform(Platform.LINUX_AMD64)
                        .buildArgs(buildArgs)
                        // Only what the Dockerfile copies goes into the context (and the asset hash).
                        .ignoreMode(IgnoreMode.DOCKER)
                        .exclude(List.of("*", "!Dockerfile", "!" + spec.module() + "/target/*.jar",
                                "!" + spec.module() + "/target/lib"))
                        .build()))
                .environment(spec.environment())
                .secrets(spec.secrets())
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .streamPrefix(spec.module())
                        .logRetention(RetentionDays.ONE_MONTH)
                        .build()));
        if (spec.port() != null) {
            container.portMappings(List.of(PortMapping.builder().containerPort(spec.port()).build()));
        }
        task.addContainer("App", container.build());

        this.service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(spec.size().desiredCount())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(spec.single() ? 0 : 100)
                .maxHealthyPercent(spec.single() ? 100 : 200)
                .build();
        if (spec.port() != null && !spec.single()) {
            // Protector and ingest are stateless behind the load balancer: scale out on CPU, never below the set size.
            service.autoScaleTaskCount(EnableScalingProps.builder()
                            .minCapacity(spec.size().desiredCount())
                            .maxCapacity(spec.size().desiredCount() * MAX_SCALE_OUT)
                            .build())
                    .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                            .targetUtilizationPercent(60)
                            .build());
        }
    }

    public FargateService service() {
        return service;
    }

    /**
     * Lets operators open an SSM port-forwarding session into the task (ECS Exec), e.g. to reach the console on
     * localhost without exposing it: the ECS service allows exec, and the task role may open the SSM channels. Who may
     * start a session is then a matter of IAM ({@code ecs:ExecuteCommand} on the cluster or task).
     */
    public EdgewardService allowPortForwarding() {
        ((CfnService) service.getNode().getDefaultChild()).setEnableExecuteCommand(true);
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"))
                .resources(List.of("*"))
                .build());
        return this;
    }

    /** Adds permissions to the task role, the identity the service's code runs as (MSK IAM, for one). */
    public EdgewardService grant(List<PolicyStatement> statements) {
        statements.forEach(task::addToTaskRolePolicy);
        return this;
    }
}
