package io.edgeward.protector;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Http.checkBody;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.kafka.broker.TlsKafkaBroker;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Protector configured only through {@code EDGEWARD_KAFKA_*} creates its topic, writes a decision and reads it back
 * through a listener that speaks nothing but TLS: a Protector that ignored those settings would never be ready.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProtectorOverTlsTest {

    @Test
    void protector_speaks_ssl_when_configured(TlsKafkaBroker kafka) {
        ProtectorConfig config = ProtectorConfig.fromEnvironment(Map.of(
                "EDGEWARD_EDGE_KEY", EDGE_KEY,
                "EDGEWARD_ADMIN_TOKEN", ADMIN_TOKEN,
                "EDGEWARD_PROTECTOR_PORT", "0",
                "EDGEWARD_DECISIONS_TOPIC", "tls-decisions-" + System.nanoTime(),
                "EDGEWARD_KAFKA_BOOTSTRAP", kafka.broker().sslBootstrapServers(),
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().truststore().toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", kafka.tls().password(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"));

        try (ProtectorServer server = Protectors.start(config, new TestClock(Instant.now()))) {
            Http http = new Http(server.port());
            Http.Response added = http.post("/v1/admin/decisions", ADMIN_TOKEN, """
                    {"scope":"ip","value":"198.51.100.77","action":"block","duration":"PT10M","reason":"tls"}""");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            Http.Response check = http.post("/v1/check", EDGE_KEY, checkBody("198.51.100.77", CHROME));
            assertThat(check.json().path("action").asText()).isEqualTo("block");
        }
    }
}
