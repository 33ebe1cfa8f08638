package io.edgeward.protector.nonces;

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
 * Creates the spent-nonce topic when it is missing (contract C10): key = nonce, value = expiry in epoch seconds,
 * {@code cleanup.policy=compact,delete} (a nonce is written once, so compaction only tidies; deletion by age is what
 * keeps it small) and {@code retention.ms} = challenge lifetime + margin, so a record outlives the token it spends.
 * An existing topic is left as it is.
 */
public final class NonceTopic {

    private static final Logger log = LoggerFactory.getLogger(NonceTopic.class);

    private NonceTopic() {
    }

    public static Map<String, String> configs(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    public static void ensure(KafkaClientSettings kafka, String topic, int partitions, Duration retention) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(configs(retention));
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            log.info("nonces.topic created topic={} partitions={} retention={}", topic, partitions, retention);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            log.warn("nonces.topic cannot create topic={}: {}; expecting it to exist", topic, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("nonces.topic create timed out topic={}; expecting it to exist", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
