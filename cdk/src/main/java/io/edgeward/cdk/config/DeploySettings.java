package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.file.Path;

/**
 * Everything one Edgeward deployment needs, validated at synth time. Read from the deploy file by
 * {@link DeploySettingsReader}; tests build it directly.
 *
 * @param account    AWS account id; optional (environment-agnostic stacks when absent)
 * @param region     region of the services (the edge stack always goes to us-east-1)
 * @param prefix     name prefix of stacks and secrets (default edgeward), so several deployments can share an account
 * @param sourceRoot repository root holding the service modules and their Dockerfiles (default ..)
 * @param services   the regional services
 * @param kafka      existing Kafka or a new MSK cluster
 * @param edge       the edge stack; absent on the first deployment, when the services' URLs and keys are not known
 *                   yet (docs/deploy.md)
 * @param passive    optional: CloudFront standard/real-time logs read by the passive Lambdas (docs/passive.md)
 */
public record DeploySettings(
        String account,
        String region,
        String prefix,
        Path sourceRoot,
        ServicesSettings services,
        KafkaSettings kafka,
        EdgeSettings edge,
        PassiveSettings passive) {

    @JsonCreator
    public DeploySettings {
        SettingsException.require(account == null || account.matches("\\d{12}"),
                "account must be a 12-digit AWS account id, was " + account);
        SettingsException.require(region != null && region.matches("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d"),
                "region must be an AWS region like eu-west-1, was " + region);
        prefix = prefix == null ? "edgeward" : prefix;
        SettingsException.require(prefix.matches("[a-z][a-z0-9-]{0,19}"),
                "prefix must be lowercase letters, digits and '-', at most 20, starting with a letter, was " + prefix);
        sourceRoot = sourceRoot == null ? Path.of("..") : sourceRoot;
        SettingsException.require(services != null, "services is required");
        SettingsException.require(kafka != null, "kafka is required (bootstrapServers or msk)");
        services.validateFor(region);
        if (edge != null) {
            edge.validateUrls(services.allowPlainHttp());
            edge = edge.withDefaultBundles(sourceRoot);
        }
        if (passive != null && passive.lambdaJar() == null) {
            passive = passive.resolvedAgainst(sourceRoot, sourceRoot);
        }
        if (edge != null && edge.distribution().uses(Mode.INLINE)) {
            SettingsException.require(services.inspector() != null,
                    "edge.distribution has inline behaviors, so services.inspector is required (the inspecting origin)");
        }
        if (kafka.msk() != null) {
            SettingsException.require(kafka.msk().brokerNodes() % services.maxAzs() == 0,
                    "kafka.msk.brokerNodes must be a multiple of services.maxAzs (" + services.maxAzs() + "), was "
                            + kafka.msk().brokerNodes());
        }
    }

    /** Without passive mode's log delivery. */
    public DeploySettings(String account, String region, String prefix, Path sourceRoot, ServicesSettings services,
            KafkaSettings kafka, EdgeSettings edge) {
        this(account, region, prefix, sourceRoot, services, kafka, edge, null);
    }

    /** A copy with relative paths resolved against {@code base}. */
    public DeploySettings resolvedAgainst(Path base) {
        Path root = base.resolve(sourceRoot).normalize();
        return new DeploySettings(account, region, prefix, root, services, kafka,
                edge == null ? null : edge.resolvedAgainst(base),
                passive == null ? null : passive.resolvedAgainst(base, root));
    }
}
