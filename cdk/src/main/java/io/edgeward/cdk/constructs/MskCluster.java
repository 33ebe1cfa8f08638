package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.MskSettings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.msk.CfnCluster;
import software.amazon.awscdk.services.msk.CfnConfiguration;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.constructs.Construct;

/**
 * A provisioned MSK cluster in the services' private subnets, reachable only from the services' security group.
 * Brokers talk TLS among themselves; clients follow {@code kafka.securityProtocol}: by default TLS with IAM client
 * authentication (9098, no unauthenticated access: each task role may touch only its own topics and groups, see
 * {@link KafkaAccess}); or unauthenticated TLS (9094), or plaintext inside the VPC (9092). Topics may be auto-created (the detection engine creates none of its output
 * topics but the decisions topic, compacted, when Protector has not yet); ingest and protector create theirs first
 * with their own settings. CloudFormation does not return MSK
 * bootstrap servers, so a custom resource asks the Kafka API for them.
 */
public final class MskCluster extends Construct {

    private final int port;
    private final CfnCluster cluster;
    private final SecurityGroup securityGroup;
    private final String bootstrapServers;

    public MskCluster(Construct scope, String id, String prefix, IVpc vpc, MskSettings settings,
            String securityProtocol) {
        super(scope, id);
        boolean iam = KafkaSettings.IAM.equals(securityProtocol);
        boolean tls = iam || "SSL".equals(securityProtocol);
        this.port = iam ? 9098 : tls ? 9094 : 9092;
        String bootstrapField = iam ? "BootstrapBrokerStringSaslIam"
                : tls ? "BootstrapBrokerStringTls" : "BootstrapBrokerString";
        this.securityGroup = SecurityGroup.Builder.create(this, "Brokers").vpc(vpc)
                .description("Edgeward MSK brokers").allowAllOutbound(false).build();
        int replication = Math.min(3, settings.brokerNodes());
        CfnConfiguration configuration = CfnConfiguration.Builder.create(this, "Configuration")
                .name(prefix + "-kafka")
                .kafkaVersionsList(List.of(settings.kafkaVersion()))
                .serverProperties(String.join("\n",
                        "auto.create.topics.enable=true",
                        "default.replication.factor=" + replication,
                        "min.insync.replicas=" + Math.max(1, replication - 1),
                        "unclean.leader.election.enable=false"))
                .build();
        this.cluster = CfnCluster.Builder.create(this, "Cluster")
                .clusterName(prefix + "-kafka")
                .kafkaVersion(settings.kafkaVersion())
                .numberOfBrokerNodes(settings.brokerNodes())
                .brokerNodeGroupInfo(CfnCluster.BrokerNodeGroupInfoProperty.builder()
                        .instanceType(settings.instanceType())
                        .clientSubnets(vpc.getPrivateSubnets().stream().map(ISubnet::getSubnetId).toList())
                        .securityGroups(List.of(securityGroup.getSecurityGroupId()))
                        .storageInfo(CfnCluster.StorageInfoProperty.builder()
                                .ebsStorageInfo(CfnCluster.EBSStorageInfoProperty.builder()
                                        .volumeSize(settings.volumeGiB()).build())
                                .build())
                        .build())
                .encryptionInfo(CfnCluster.EncryptionInfoProperty.builder()
                        .encryptionInTransit(CfnCluster.EncryptionInTransitProperty.builder()
                                .clientBroker(tls ? "TLS" : "TLS_PLAINTEXT").inCluster(true).build())
                        .build())
                .clientAuthentication(iam
                        ? CfnCluster.ClientAuthenticationProperty.builder()
                                .sasl(CfnCluster.SaslProperty.builder()
                                        .iam(CfnCluster.IamProperty.builder().enabled(true).build()).build())
                                .unauthenticated(CfnCluster.UnauthenticatedProperty.builder().enabled(false).build())
                                .build()
                        : CfnCluster.ClientAuthenticationProperty.builder()
                                .unauthenticated(CfnCluster.UnauthenticatedProperty.builder().enabled(true).build())
                                .build())
                .configurationInfo(CfnCluster.ConfigurationInfoProperty.builder()
                        .arn(configuration.getAttrArn()).revision(1).build())
                .build();

        AwsSdkCall getBootstrapBrokers = AwsSdkCall.builder()
                .service("Kafka")
                .action("getBootstrapBrokers")
                .parameters(Map.of("ClusterArn", cluster.getAttrArn()))
                .physicalResourceId(PhysicalResourceId.of(cluster.getAttrArn()))
                .outputPaths(List.of(bootstrapField))
                .build();
        AwsCustomResource bootstrap = AwsCustomResource.Builder.create(this, "BootstrapBrokers")
                .onCreate(getBootstrapBrokers)
                .onUpdate(getBootstrapBrokers)
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(List.of(cluster.getAttrArn())).build()))
                .installLatestAwsSdk(false)
                .build();
        this.bootstrapServers = bootstrap.getResponseField(bootstrapField);
    }

    /** Lets {@code client} reach the brokers' client listener. */
    public void allowClient(IConnectable client) {
        securityGroup.getConnections().allowFrom(client, Port.tcp(port), "Edgeward service to Kafka");
    }

    /** host:port,… of the client listeners; a deploy-time token. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public CfnCluster cluster() {
        return cluster;
    }
}
