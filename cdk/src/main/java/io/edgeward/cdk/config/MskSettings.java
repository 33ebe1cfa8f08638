package io.edgeward.cdk.config;

/**
 * A provisioned Amazon MSK cluster created with the services, TLS between clients and brokers.
 *
 * @param instanceType broker instance type (default kafka.m7g.large)
 * @param brokerNodes  number of brokers, a multiple of the VPC's availability zones (default 2)
 * @param volumeGiB    EBS storage per broker (default 100)
 * @param kafkaVersion MSK Kafka version (default 3.9.x)
 */
public record MskSettings(String instanceType, Integer brokerNodes, Integer volumeGiB, String kafkaVersion) {
    public MskSettings {
        instanceType = instanceType == null ? "kafka.m7g.large" : instanceType;
        brokerNodes = brokerNodes == null ? 2 : brokerNodes;
        volumeGiB = volumeGiB == null ? 100 : volumeGiB;
        kafkaVersion = kafkaVersion == null ? "3.9.x" : kafkaVersion;
        SettingsException.require(instanceType.startsWith("kafka."),
                "kafka.msk.instanceType must be an MSK broker type like kafka.m7g.large, was " + instanceType);
        SettingsException.require(brokerNodes >= 2, "kafka.msk.brokerNodes must be >= 2, was " + brokerNodes);
        SettingsException.require(volumeGiB >= 1 && volumeGiB <= 16384,
                "kafka.msk.volumeGiB must be between 1 and 16384, was " + volumeGiB);
    }

    public static MskSettings defaults() {
        return new MskSettings(null, null, null, null);
    }
}
