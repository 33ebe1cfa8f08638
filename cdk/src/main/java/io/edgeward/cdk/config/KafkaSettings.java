package io.edgeward.cdk.config;

import java.util.Set;

/**
 * Where the services find Kafka and how they authenticate: exactly one of an existing cluster
 * ({@code bootstrapServers}) or a new MSK cluster ({@code msk}).
 *
 * @param bootstrapServers  existing brokers, host:port[,host:port…], reachable from the services' VPC
 * @param securityProtocol  PLAINTEXT, SSL or SASL_SSL, given to the services as EDGEWARD_KAFKA_SECURITY_PROTOCOL.
 *                          SASL_SSL means TLS plus MSK IAM authentication (EDGEWARD_KAFKA_SASL_MECHANISM=AWS_MSK_IAM)
 *                          and task roles allowed exactly their topics and groups; it is the default with a new MSK
 *                          cluster. PLAINTEXT is the default for an existing cluster. With MSK it also picks the
 *                          listener: 9092 plaintext inside the VPC, 9094 TLS, 9098 TLS with IAM.
 * @param replicationFactor replication of the topics the services create (default 3; with MSK at most the brokers)
 * @param msk               settings of a new MSK cluster
 * @param clusterArn        the existing MSK cluster's ARN, required with an existing cluster and SASL_SSL: the task
 *                          roles' kafka-cluster permissions name its topics and groups
 */
public record KafkaSettings(String bootstrapServers, String securityProtocol, Integer replicationFactor,
        MskSettings msk, String clusterArn) {

    public static final String IAM = "SASL_SSL";
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", IAM);

    public KafkaSettings {
        SettingsException.require((bootstrapServers == null) != (msk == null),
                "kafka needs exactly one of bootstrapServers (an existing cluster) or msk (a new MSK cluster)");
        securityProtocol = securityProtocol == null ? (msk == null ? "PLAINTEXT" : IAM) : securityProtocol;
        SettingsException.require(PROTOCOLS.contains(securityProtocol),
                "kafka.securityProtocol must be PLAINTEXT, SSL or SASL_SSL, was " + securityProtocol);
        int brokers = msk == null ? Integer.MAX_VALUE : msk.brokerNodes();
        replicationFactor = replicationFactor == null ? Math.min(3, brokers) : replicationFactor;
        SettingsException.require(replicationFactor >= 1 && replicationFactor <= brokers,
                "kafka.replicationFactor must be between 1 and the number of brokers, was " + replicationFactor);
        if (msk == null) {
            for (String server : bootstrapServers.split(",")) {
                SettingsException.require(server.trim().matches("[A-Za-z0-9.-]+:\\d{1,5}"),
                        "kafka.bootstrapServers must be host:port[,host:port…], was " + bootstrapServers);
            }
            SettingsException.require(!IAM.equals(securityProtocol) || clusterArn != null,
                    "kafka.clusterArn is required with an existing cluster and securityProtocol SASL_SSL (MSK IAM): "
                            + "the task roles' permissions name its topics and groups");
        } else {
            SettingsException.require(clusterArn == null,
                    "kafka.clusterArn is for an existing cluster; a new MSK cluster has its own, was " + clusterArn);
        }
        SettingsException.require(clusterArn == null
                        || clusterArn.matches("arn:aws[a-z-]*:kafka:[a-z0-9-]+:\\d{12}:cluster/[^/]+/[^/]+"),
                "kafka.clusterArn must be an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<id>), "
                        + "was " + clusterArn);
    }

    /** Without a cluster ARN, for callers that predate IAM authentication. */
    public KafkaSettings(String bootstrapServers, String securityProtocol, Integer replicationFactor,
            MskSettings msk) {
        this(bootstrapServers, securityProtocol, replicationFactor, msk, null);
    }

    public static KafkaSettings existing(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, null, null, null, null);
    }

    public static KafkaSettings newMsk(MskSettings msk) {
        return new KafkaSettings(null, null, null, msk, null);
    }

    /** TLS with MSK IAM authentication. */
    public boolean iam() {
        return IAM.equals(securityProtocol);
    }
}
