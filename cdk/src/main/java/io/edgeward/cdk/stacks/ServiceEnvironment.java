package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.constructs.KafkaAccess;
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
    /** Where Protector publishes challenge outcomes and the console reads them (C1). */
    static final String CHALLENGES_TOPIC = "EDGEWARD_CHALLENGES_TOPIC";
    static final int INGEST_PORT = 8082;
    /** Liveness: the process answers. Readiness (/ready) would take every task out when Kafka blips. */
    static final String HEALTH_PATH = "/health";

    private ServiceEnvironment() {
    }

    static Map<String, String> protector(KafkaSettings kafka, String bootstrapServers) {
        Map<String, String> env = kafka(kafka, bootstrapServers);
        env.put("EDGEWARD_PROTECTOR_BIND", "0.0.0.0");
        env.put("EDGEWARD_PROTECTOR_PORT", Integer.toString(PROTECTOR_PORT));
        env.put(CHALLENGES_TOPIC, KafkaAccess.CHALLENGES);
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

    static final int CONSOLE_PORT = 8084;
    /** The console has no health route of its own; its login page answers 200 without a session. */
    static final String CONSOLE_HEALTH_PATH = "/console/login";
    /**
     * Kafka Streams state (RocksDB), on the task's ephemeral storage: /tmp is the one directory the image's
     * unprivileged user may write. Lost with the task, rebuilt from the changelog topics by the next one.
     */
    static final String CONSOLE_STATE_DIR = "/tmp/edgeward-console";

    /** The console's Kafka Streams application id: its consumer group and the prefix of its internal topics. */
    static String consoleApplicationId(String prefix) {
        return prefix + "-console";
    }

    /**
     * The console's ConsoleConfig.ENV; Protector's admin API is reached at {@code protectorUrl} inside the VPC. Its
     * load balancer's nodes sit in {@code vpcCidr}: from there failed logins count against the client the balancer
     * names in X-Forwarded-For, so one client's wrong tokens cannot lock every operator out.
     */
    static Map<String, String> console(KafkaSettings kafka, String bootstrapServers, String prefix,
            String protectorUrl, String vpcCidr) {
        Map<String, String> env = kafka(kafka, bootstrapServers);
        env.put("EDGEWARD_CONSOLE_BIND", "0.0.0.0");
        env.put("EDGEWARD_CONSOLE_PORT", Integer.toString(CONSOLE_PORT));
        env.put("EDGEWARD_CONSOLE_PROTECTOR_URL", protectorUrl);
        env.put("EDGEWARD_CONSOLE_APP_ID", consoleApplicationId(prefix));
        env.put("EDGEWARD_CONSOLE_STATE_DIR", CONSOLE_STATE_DIR);
        env.put("EDGEWARD_CONSOLE_TRUSTED_PROXIES", vpcCidr);
        env.put(CHALLENGES_TOPIC, KafkaAccess.CHALLENGES);
        return env;
    }

    /** The same admin token as Protector's: the operators' login, and the console's credential to the admin API. */
    static Map<String, Secret> consoleSecrets(ServiceSecrets secrets) {
        return Map.of("EDGEWARD_ADMIN_TOKEN", Secret.fromSecretsManager(secrets.adminToken()));
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
