package io.edgeward.protector.support;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.protector.ProtectorConfig;
import io.edgeward.protector.ProtectorServer;

import java.time.Clock;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Starts Protectors against the shared test broker, on a free port, ready before returning. */
public final class Protectors {

    public static final String EDGE_KEY = "edge-key-0123456789abcdef";
    public static final String EDGE_KEY_2 = "edge-key-rotated-0123456789";
    public static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    public static final String METRICS_TOKEN = "metrics-token-0123456789abcdef";

    private Protectors() {
    }

    public static ProtectorConfig.Builder config(KafkaBroker broker, String topic) {
        return ProtectorConfig.builder()
                .port(0)
                .edgeKeys(List.of(EDGE_KEY, EDGE_KEY_2))
                .adminToken(ADMIN_TOKEN)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .decisionsTopic(topic)
                .topicPartitions(3);
    }

    public static ProtectorServer start(KafkaBroker broker, String topic, Clock clock) {
        return start(config(broker, topic).build(), clock);
    }

    public static ProtectorServer start(ProtectorConfig config, Clock clock) {
        return start(config, ProtectorServer.Dependencies.defaults().withClock(clock).withDns(new FakeDns()));
    }

    public static ProtectorServer start(ProtectorConfig config, ProtectorServer.Dependencies deps) {
        ProtectorServer server = ProtectorServer.start(config, deps);
        await().until(server::ready);
        return server;
    }
}
