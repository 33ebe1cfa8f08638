package io.edgeward.local;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Local stacks for integration tests: free ports, the shared test broker, topics and a data directory of their own
 * (so stacks of different test classes never see each other's decisions or logs), one log record per batch, and
 * known secrets.
 */
final class TestStacks {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    static final String EDGE_KEY = "test-edge-key-0123456789abcdef";
    static final String INGEST_KEY = "test-ingest-key-0123456789abcdef";
    /** 32 bytes, base64url. */
    static final String COOKIE_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    private TestStacks() {
    }

    static LocalSecrets secrets() {
        return new LocalSecrets(ADMIN_TOKEN, EDGE_KEY, INGEST_KEY, COOKIE_KEY, List.of());
    }

    static LocalStack start(KafkaBroker broker, UnaryOperator<LocalConfig.Builder> customize) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LocalConfig.Builder builder = LocalConfig.builder(secrets())
                .anyFreePorts()
                .console(false)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .topicPrefix("t" + id + ".")
                .dataDir(Path.of("target", "local-" + id).toAbsolutePath())
                .trustForwardedFor(true)
                .detection(false)
                // Generous: a cold or busy Protector must not make the edge fail open in tests that expect answers.
                .protectorTimeout(Duration.ofSeconds(5))
                // Likewise for ingest: a shipper timeout that hides an accepted batch makes it send the batch twice.
                .shipperTimeout(Duration.ofSeconds(20))
                .shipperBatchSize(1);
        return LocalStack.start(customize.apply(builder).build());
    }
}
