package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.constructs.ServiceSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.ecs.Secret;

/**
 * The environment variables each service reads in its {@code fromEnvironment} (ProtectorConfig, IngestConfig,
 * DetectionConfig): the one place this app names them.
 */
final class ServiceEnvironment {

    static final int PROTECTOR_PORT = 8081;
    static final int INGEST_PORT = 8082;
    /** Liveness: the process answers. Readiness (/ready) would take every task out when Kafka blips. */
    static final String HEALTH_PATH = "/health";

    private ServiceEnvironment() {
    }

    static Map<String, String> protector(KafkaSettings kafka, String bootstrapServers) {
        Map<String, String> env = kafka(kafka, bootstrapServers);
        env.put("EDGEWARD_PROTECTOR_BIND", "0.0.0.0");
        env.put("EDGEWARD_PROTECTOR_PORT", Integer.toString(PROTECTOR_PORT));
        return env;
    }

    /**
     * The key secrets go to the services' comma-separated KEYS variables, so a secret holding "new,old" accepts both
     * while the edge changes over (docs/deploy.md "Rotating keys"); the edge uses the first.
     */
    static Map<String, Secret> protectorSecrets(ServiceSecrets secrets) {
        return Map.of(
                "EDGEWARD_EDGE_KEYS", Secret.fromSecretsManager(secrets.edgeKey()),
                "EDGEWARD_ADMIN_TOKEN", Secret.fromSecretsManager(secrets.adminToken()),
                "EDGEWARD_CHALLENGE_KEY", Secret.fromSecretsManager(secrets.challengeKey()));
    }

    static Map<String, String> ingest(KafkaSettings kafka, String bootstrapServers) {
        Map<String, String> env = kafka(kafka, bootstrapServers);
        env.put("EDGEWARD_INGEST_BIND", "0.0.0.0");
        env.put("EDGEWARD_INGEST_PORT", Integer.toString(INGEST_PORT));
        env.put("EDGEWARD_INGEST_REPLICATION", Integer.toString(kafka.replicationFactor()));
        return env;
    }

    static Map<String, Secret> ingestSecrets(ServiceSecrets secrets) {
        return Map.of("EDGEWARD_INGEST_KEYS", Secret.fromSecretsManager(secrets.ingestKey()));
    }

    static final int INSPECTOR_PORT = 8083;
    static final String INSPECTOR_HEALTH_PATH = "/.edgeward/health";

    /** inline-inspector's InspectorConfig.fromEnvironment. */
    static Map<String, String> inspector(String applicationOrigin, String protectorUrl, String ingestUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EDGEWARD_INSPECTOR_BIND", "0.0.0.0");
        env.put("EDGEWARD_INSPECTOR_PORT", Integer.toString(INSPECTOR_PORT));
        env.put("EDGEWARD_INSPECTOR_ORIGIN", applicationOrigin);
        env.put("EDGEWARD_PROTECTOR_URL", protectorUrl);
        env.put("EDGEWARD_INGEST_URL", ingestUrl);
        return env;
    }

    static Map<String, Secret> inspectorSecrets(ServiceSecrets secrets) {
        return Map.of(
                "EDGEWARD_ORIGIN_SECRET", Secret.fromSecretsManager(secrets.originSecret()),
                "EDGEWARD_EDGE_KEY", Secret.fromSecretsManager(secrets.edgeKey()),
                "EDGEWARD_INGEST_KEY", Secret.fromSecretsManager(secrets.ingestKey()),
                "EDGEWARD_COOKIE_KEYS", Secret.fromSecretsManager(secrets.cookieKeys()));
    }

    static Map<String, String> detection(KafkaSettings kafka, String bootstrapServers) {
        return kafka(kafka, bootstrapServers);
    }

    private static Map<String, String> kafka(KafkaSettings kafka, String bootstrapServers) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EDGEWARD_KAFKA_BOOTSTRAP", bootstrapServers);
        env.put("EDGEWARD_KAFKA_SECURITY_PROTOCOL", kafka.securityProtocol());
        if (kafka.iam()) {
            // the task role signs: aws-msk-iam-auth finds it through the AWS default credentials chain
            env.put("EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM");
        }
        return env;
    }
}
