package io.edgeward.local.challenge;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.local.LocalStack;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A local stack of its own per test class (topics, data, free ports) on the shared test broker. */
final class ChallengeStacks {

    static final String ADMIN_TOKEN = "challenge-admin-token-0123456789";
    static final String EDGE_KEY = "challenge-edge-key-0123456789abcdef";
    static final String INGEST_KEY = "challenge-ingest-key-0123456789abcdef";
    /** 32 bytes, base64url. */
    static final String COOKIE_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    private ChallengeStacks() {
    }

    static LocalStack start(KafkaBroker broker) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return LocalStack.start(LocalConfig.builder(
                        new LocalSecrets(ADMIN_TOKEN, EDGE_KEY, INGEST_KEY, COOKIE_KEY, List.of()))
                .anyFreePorts()
                .console(false)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .topicPrefix("c" + id + ".")
                .dataDir(Path.of("target", "local-" + id).toAbsolutePath())
                .detection(false)
                .protectorTimeout(Duration.ofSeconds(5))
                .shipperTimeout(Duration.ofSeconds(20))
                .build());
    }
}
