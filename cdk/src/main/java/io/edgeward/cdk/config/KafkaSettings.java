package io.edgeward.cdk.config;

import java.util.Set;

/**
 * Where the services find Kafka: exactly one of an existing cluster ({@code bootstrapServers}) or a new MSK cluster
 * ({@code msk}).
 *
 * @param bootstrapServers  existing brokers, host:port[,host:port…], reachable from the services' VPC
 * @param securityProtocol  PLAINTEXT (default) or SSL, given to the services as EDGEWARD_KAFKA_SECURITY_PROTOCOL;
 *                          with MSK it also picks the listener (9092 plaintext inside the VPC, or 9094 TLS)
 * @param replicationFactor replication of the topics the services create (default 3; with MSK at most the brokers)
 * @param msk               settings of a new MSK cluster
 */
public record KafkaSettings(String bootstrapServers, String securityProtocol, Integer replicationFactor,
        MskSettings msk) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL");

    public KafkaSettings {
        SettingsException.require((bootstrapServers == null) != (msk == null),
                "kafka needs exactly one of bootstrapServers (an existing cluster) or msk (a new MSK cluster)");
        securityProtocol = securityProtocol == null ? "PLAINTEXT" : securityProtocol;
        SettingsException.require(PROTOCOLS.contains(securityProtocol),
                "kafka.securityProtocol must be PLAINTEXT or SSL, was " + securityProtocol);
        int brokers = msk == null ? Integer.MAX_VALUE : msk.brokerNodes();
        replicationFactor = replicationFactor == null ? Math.min(3, brokers) : replicationFactor;
        SettingsException.require(replicationFactor >= 1 && replicationFactor <= brokers,
                "kafka.replicationFactor must be between 1 and the number of brokers, was " + replicationFactor);
        if (msk == null) {
            for (String server : bootstrapServers.split(",")) {
                SettingsException.require(server.trim().matches("[A-Za-z0-9.-]+:\\d{1,5}"),
                        "kafka.bootstrapServers must be host:port[,host:port…], was " + bootstrapServers);
            }
        }
    }

    public static KafkaSettings existing(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, null, null, null);
    }

    public static KafkaSettings newMsk(MskSettings msk) {
        return new KafkaSettings(null, null, null, msk);
    }
}
