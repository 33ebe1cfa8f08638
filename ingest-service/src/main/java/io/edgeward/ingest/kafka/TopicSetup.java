package io.edgeward.ingest.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics Edgeward needs if they are missing: the logs topic with the configured partitions and
 * replication, {@code edgeward.detections}, and the compacted {@code edgeward.decisions}, so a fresh local stack
 * has them all. Existing topics are left as they are. Retries until Kafka answers or the start-up timeout passes.
 */
public final class TopicSetup {

    public static final String DETECTIONS = "edgeward.detections";
    public static final String DECISIONS = "edgeward.decisions";
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    public static void ensureTopics(Admin admin, String logsTopic, int partitions, short replication,
            Duration timeout) {
        List<NewTopic> wanted = List.of(
                new NewTopic(logsTopic, partitions, replication),
                new NewTopic(DETECTIONS, partitions, replication),
                new NewTopic(DECISIONS, partitions, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handle(Exception.class)
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .withMaxRetries(-1)
                .withMaxDuration(timeout)
                .onRetry(event -> log.warn("Kafka not reachable yet for topic setup (attempt {}): {}",
                        event.getAttemptCount(), event.getLastException().toString()))
                .build();
        try {
            Failsafe.with(retry).run(() -> createMissing(admin, wanted));
        } catch (FailsafeException e) {
            throw new IllegalStateException("cannot create Kafka topics within " + timeout, e.getCause());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot create Kafka topics within " + timeout + ": " + e, e);
        }
    }

    private static void createMissing(Admin admin, List<NewTopic> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : wanted) {
            if (!existing.contains(topic.name())) {
                missing.add(topic);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            log.info("created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }
}
