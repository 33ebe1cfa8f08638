package io.edgeward.cdk.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The MSK IAM permissions of each service's task role: connect, then exactly the topics and consumer groups the
 * service reads, writes or creates at start (docs/kafka-security.md lists them). Names are the services' defaults.
 * A leaked task credential can therefore not read the logs from Protector's role, nor write decisions from ingest's.
 */
public final class KafkaAccess {

    public static final String LOGS = "edgeward.logs";
    public static final String DETECTIONS = "edgeward.detections";
    public static final String DECISIONS = "edgeward.decisions";
    public static final String CHALLENGE_NONCES = "edgeward.challenge-nonces";
    public static final String DEAD_LETTERS = "edgeward.logs.dlq";
    /** Protector's challenge outcomes (issued, passed, failed…), which the console counts. */
    public static final String CHALLENGES = "edgeward.challenges";
    /** Kafka Streams application id: the detection group and the prefix of its internal topics. */
    public static final String DETECTION_APP = "edgeward-detection";
    /** Protector reads without a group today; MSK wants group rights beside ReadData, so it gets its own prefix. */
    public static final String PROTECTOR_GROUPS = "edgeward-protector*";

    static final String CONNECT = "kafka-cluster:Connect";
    static final String DESCRIBE_CLUSTER = "kafka-cluster:DescribeCluster";
    static final String IDEMPOTENT = "kafka-cluster:WriteDataIdempotently";
    static final String DESCRIBE_TOPIC = "kafka-cluster:DescribeTopic";
    static final String CREATE_TOPIC = "kafka-cluster:CreateTopic";
    static final String READ = "kafka-cluster:ReadData";
    static final String WRITE = "kafka-cluster:WriteData";
    static final String TOPIC_CONFIG = "kafka-cluster:DescribeTopicDynamicConfiguration";
    static final String ALTER_GROUP = "kafka-cluster:AlterGroup";
    static final String DESCRIBE_GROUP = "kafka-cluster:DescribeGroup";
    static final String DELETE_GROUP = "kafka-cluster:DeleteGroup";

    private KafkaAccess() {
    }

    /** Writes the logs (idempotent producer); creates the three shared topics on a fresh cluster. */
    public static List<PolicyStatement> ingest(String clusterArn) {
        return List.of(
                cluster(clusterArn, CONNECT, DESCRIBE_CLUSTER, IDEMPOTENT),
                topics(clusterArn, List.of(LOGS), DESCRIBE_TOPIC, CREATE_TOPIC, WRITE),
                topics(clusterArn, List.of(DETECTIONS, DECISIONS), DESCRIBE_TOPIC, CREATE_TOPIC));
    }

    /**
     * Creates, reads and writes the decisions and the spent challenge nonces (every instance reads everything); writes
     * (and may create) the challenge outcomes, which it never reads.
     */
    public static List<PolicyStatement> protector(String clusterArn) {
        return List.of(
                cluster(clusterArn, CONNECT, DESCRIBE_CLUSTER, IDEMPOTENT),
                topics(clusterArn, List.of(DECISIONS, CHALLENGE_NONCES), DESCRIBE_TOPIC, CREATE_TOPIC, READ, WRITE),
                topics(clusterArn, List.of(CHALLENGES), DESCRIBE_TOPIC, CREATE_TOPIC, WRITE),
                groups(clusterArn, List.of(PROTECTOR_GROUPS)));
    }

    /**
     * Reads the logs, the detections and the challenge outcomes, and owns its Kafka Streams group and internal topics
     * (changelogs, repartitions) under {@code applicationId}. It writes no shared topic: decisions it takes go through
     * Protector's admin API, so a leaked console task credential cannot forge a decision on Kafka.
     */
    public static List<PolicyStatement> console(String clusterArn, String applicationId) {
        return List.of(
                cluster(clusterArn, CONNECT, DESCRIBE_CLUSTER, IDEMPOTENT),
                topics(clusterArn, List.of(LOGS, DETECTIONS, CHALLENGES), DESCRIBE_TOPIC, READ),
                topics(clusterArn, List.of(applicationId + "-*"), DESCRIBE_TOPIC, CREATE_TOPIC, READ, WRITE,
                        TOPIC_CONFIG),
                groups(clusterArn, List.of(applicationId)),
                // a new task without local state drops its group's positions to read recent records again
                statement(List.of(DELETE_GROUP), List.of(resource(clusterArn, "group", applicationId))));
    }

    /**
     * Reads the logs, writes detections and the dead letters, reads and writes (and may create) the decisions, and
     * owns its Kafka Streams group and internal topics.
     */
    public static List<PolicyStatement> detection(String clusterArn) {
        return List.of(
                cluster(clusterArn, CONNECT, DESCRIBE_CLUSTER, IDEMPOTENT),
                topics(clusterArn, List.of(LOGS), DESCRIBE_TOPIC, READ),
                topics(clusterArn, List.of(DETECTIONS), DESCRIBE_TOPIC, WRITE),
                topics(clusterArn, List.of(DEAD_LETTERS), DESCRIBE_TOPIC, CREATE_TOPIC, WRITE),
                topics(clusterArn, List.of(DECISIONS), DESCRIBE_TOPIC, CREATE_TOPIC, READ, WRITE),
                topics(clusterArn, List.of(DETECTION_APP + "-*"), DESCRIBE_TOPIC, CREATE_TOPIC, READ, WRITE,
                        TOPIC_CONFIG),
                groups(clusterArn, List.of(DETECTION_APP)));
    }

    private static PolicyStatement cluster(String clusterArn, String... actions) {
        return statement(List.of(actions), List.of(clusterArn));
    }

    private static PolicyStatement topics(String clusterArn, List<String> names, String... actions) {
        return statement(List.of(actions), names.stream().map(n -> resource(clusterArn, "topic", n)).toList());
    }

    private static PolicyStatement groups(String clusterArn, List<String> names) {
        return statement(List.of(ALTER_GROUP, DESCRIBE_GROUP),
                names.stream().map(n -> resource(clusterArn, "group", n)).toList());
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(new ArrayList<>(actions))
                .resources(new ArrayList<>(resources)).build();
    }

    /**
     * {@code arn:…:cluster/<name>/<uuid>} becomes {@code arn:…:<kind>/<name>/<uuid>/<resource>}: MSK names topics and
     * groups under their cluster. A deploy-time ARN (a new cluster's) is rewritten by CloudFormation.
     */
    static String resource(String clusterArn, String kind, String name) {
        String marker = ":cluster/";
        if (!Token.isUnresolved(clusterArn)) {
            int at = clusterArn.indexOf(marker);
            return clusterArn.substring(0, at) + ":" + kind + "/" + clusterArn.substring(at + marker.length()) + "/"
                    + name;
        }
        List<String> parts = Fn.split(marker, clusterArn, 2);
        return Fn.join("", List.of(Fn.select(0, parts), ":" + kind + "/", Fn.select(1, parts), "/" + name));
    }
}
