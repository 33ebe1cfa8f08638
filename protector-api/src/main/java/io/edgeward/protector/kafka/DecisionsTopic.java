package io.edgeward.protector.kafka;

import io.edgeward.env.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the compacted decisions topic when it is missing; an existing topic is left as it is. */
public final class DecisionsTopic {

    private static final Logger log = LoggerFactory.getLogger(DecisionsTopic.class);

    private DecisionsTopic() {
    }

    public static void ensure(String bootstrapServers, String topic, int partitions, short replicationFactor) {
        ensure(KafkaClientSettings.plaintext(bootstrapServers), topic, partitions, replicationFactor);
    }

    public static void ensure(KafkaClientSettings kafka, String topic, int partitions, short replicationFactor) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions),
                    replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            log.info("decisions.topic created topic={} partitions={}", topic, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            log.warn("decisions.topic cannot create topic={}: {}; expecting it to exist", topic, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("decisions.topic create timed out topic={}; expecting it to exist", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
