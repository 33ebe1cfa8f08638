package io.edgeward.detection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine reads the decisions topic as well as writing it (to leave administrators' decisions standing), and
 * Kafka Streams cannot start on a missing source topic: the engine creates it, compacted, when Protector has not
 * yet. Broker defaults decide partitions and replication, as for a topic Protector creates.
 */
final class DecisionsTopic {

    private static final Logger log = LoggerFactory.getLogger(DecisionsTopic.class);

    private DecisionsTopic() {
    }

    static void ensure(DetectionConfig config) {
        String topic = config.topics().decisions();
        Map<String, Object> props = config.kafka().clientProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
            log.info("decisions topic created topic={}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("cannot create decisions topic={}: {}; expecting it to exist", topic, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("decisions topic check timed out topic={}; expecting it to exist", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
