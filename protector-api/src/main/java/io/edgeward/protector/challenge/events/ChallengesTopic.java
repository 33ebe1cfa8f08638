package io.edgeward.protector.challenge.events;

import io.edgeward.env.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the challenges topic when it is missing: {@code cleanup.policy=delete}, kept {@link #RETENTION} and at most
 * {@link #RETENTION_BYTES} a partition, so a flood of events (every garbage verify makes one) cannot fill the disk.
 * An existing topic is left as it is.
 */
public final class ChallengesTopic {

    private static final Logger log = LoggerFactory.getLogger(ChallengesTopic.class);
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final long RETENTION_BYTES = 1L << 30;

    private ChallengesTopic() {
    }

    public static Map<String, String> configs() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION.toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(RETENTION_BYTES));
    }

    public static void ensure(KafkaClientSettings kafka, String topic, int partitions) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(configs());
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            log.info("challenges.topic created topic={} partitions={} retention={}", topic, partitions, RETENTION);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            log.warn("challenges.topic cannot create topic={}: {}; expecting it to exist", topic, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("challenges.topic create timed out topic={}; expecting it to exist", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
