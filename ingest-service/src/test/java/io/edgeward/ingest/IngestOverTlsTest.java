package io.edgeward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.ingest.support.IngestClient;
import io.edgeward.ingest.support.LogRecords;
import io.edgeward.ingest.support.TopicReader;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.kafka.broker.TlsKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest configured only through {@code EDGEWARD_KAFKA_*} reaches a broker that speaks nothing but TLS and wants a
 * client certificate: a service that ignored those settings would find no broker and never answer 202.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestOverTlsTest {

    private static final String KEY = "test-ingest-key-0123456789";

    @Test
    void ingest_speaks_ssl_when_configured(TlsKafkaBroker kafka) throws Exception {
        String topic = "tls-logs-" + UUID.randomUUID();
        String password = kafka.tls().password();
        IngestConfig config = IngestConfig.fromEnvironment(Map.ofEntries(
                Map.entry("EDGEWARD_INGEST_KEY", KEY),
                Map.entry("EDGEWARD_INGEST_BIND", "127.0.0.1"),
                Map.entry("EDGEWARD_INGEST_PORT", "0"),
                Map.entry("EDGEWARD_INGEST_TOPIC", topic),
                Map.entry("EDGEWARD_INGEST_PARTITIONS", "1"),
                Map.entry("EDGEWARD_KAFKA_BOOTSTRAP", kafka.broker().mutualTlsBootstrapServers()),
                Map.entry("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL"),
                Map.entry("EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().truststore().toString()),
                Map.entry("EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", password),
                Map.entry("EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"),
                Map.entry("EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", kafka.tls().clientKeystore().toString()),
                Map.entry("EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", password),
                Map.entry("EDGEWARD_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12")));

        try (IngestServer server = IngestServer.start(config)) {
            String prefix = "tls-" + UUID.randomUUID();
            var response = new IngestClient(server.port(), KEY)
                    .postNdjson(LogRecords.ndjson(prefix, 5, Instant.parse("2026-12-06T23:00:00Z")));
            assertThat(response.statusCode()).isEqualTo(202);

            try (TopicReader reader = new TopicReader(kafka.mutualTlsClientProperties(), topic)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= 5);
                assertThat(reader.poll()).extracting(r -> r.value())
                        .allSatisfy(value -> assertThat(value).contains(prefix));
            }
        }
    }
}
