package io.edgeward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.detection.DetectionConfig;
import io.edgeward.detection.DetectionEngine;
import io.edgeward.ingest.IngestConfig;
import io.edgeward.ingest.IngestServer;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.kafka.broker.TlsKafkaBroker;
import io.edgeward.protector.ProtectorConfig;
import io.edgeward.protector.ProtectorServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three services, each configured only through the same {@code EDGEWARD_KAFKA_*} variables, against a broker
 * listener that speaks nothing but TLS and wants a client certificate: ingest writes a batch, detection reads it and
 * writes a decision, Protector reads the decision and answers with it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaTlsEndToEndTest {

    private static final String INGEST_KEY = "tls-ingest-key-0123456789";
    private static final String EDGE_KEY = "tls-edge-key-0123456789abc";
    private static final String ADMIN_TOKEN = "tls-admin-token-0123456789";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_batch_ingested_over_tls_becomes_a_decision_protector_serves(TlsKafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String logs = "e2e-logs-" + run;
        String decisions = "e2e-decisions-" + run;
        kafka.broker().createTopic(decisions, 1, Map.of("cleanup.policy", "compact"));
        Map<String, String> tls = Map.of(
                "EDGEWARD_KAFKA_BOOTSTRAP", kafka.broker().mutualTlsBootstrapServers(),
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().truststore().toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", kafka.tls().password(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", kafka.tls().clientKeystore().toString(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", kafka.tls().password(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");

        IngestConfig ingestConfig = IngestConfig.fromEnvironment(with(tls, "EDGEWARD_INGEST_KEY", INGEST_KEY,
                "EDGEWARD_INGEST_BIND", "127.0.0.1", "EDGEWARD_INGEST_PORT", "0", "EDGEWARD_INGEST_TOPIC", logs,
                "EDGEWARD_INGEST_PARTITIONS", "1"));
        DetectionConfig detectionConfig = DetectionConfig.fromEnvironment(with(tls,
                "EDGEWARD_DETECTION_APP_ID", "e2e-detection-" + run,
                "EDGEWARD_DETECTION_STATE_DIR", Path.of("target", "e2e-state", run).toAbsolutePath().toString(),
                "EDGEWARD_DETECTION_COMMIT", "PT0.2S", "EDGEWARD_LOGS_TOPIC", logs,
                "EDGEWARD_DETECTIONS_TOPIC", "e2e-detections-" + run, "EDGEWARD_DECISIONS_TOPIC", decisions,
                "EDGEWARD_DETECTION_DLQ_TOPIC", "e2e-dlq-" + run));
        ProtectorConfig protectorConfig = ProtectorConfig.fromEnvironment(with(tls, "EDGEWARD_EDGE_KEY", EDGE_KEY,
                "EDGEWARD_ADMIN_TOKEN", ADMIN_TOKEN, "EDGEWARD_PROTECTOR_PORT", "0",
                "EDGEWARD_DECISIONS_TOPIC", decisions));

        String session = ("Tls" + run + "SessionIdXYZ").substring(0, 22);
        try (IngestServer ingest = IngestServer.start(ingestConfig);
             DetectionEngine detection = DetectionEngine.start(detectionConfig);
             ProtectorServer protector = ProtectorServer.start(protectorConfig)) {
            await().atMost(Duration.ofSeconds(120)).until(protector::ready);
            assertThat(check(protector.port(), session)).isEqualTo("allow");

            HttpResponse<String> posted = post(ingest.port(), scalpingBatch(session));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> check(protector.port(), session), "challenge"::equals);
        }
    }

    /** Ten cart additions in ten seconds from one session: the bundled policy's scalping rule. */
    private static String scalpingBatch(String session) {
        StringBuilder body = new StringBuilder();
        Instant start = Instant.now().minusSeconds(30);
        for (int i = 0; i < 10; i++) {
            body.append("""
                    {"v":1,"time":"%s","requestId":"e2e-%d","source":"edge","clientIp":"198.51.100.21",\
                    "method":"POST","host":"shop.example","path":"/cart/add","status":200,\
                    "userAgent":"Mozilla/5.0","acceptLanguage":"en","sessionId":"%s","cookieState":"valid",\
                    "action":"allow","mode":"mitigate"}
                    """.formatted(start.plusSeconds(i), i, session));
        }
        return body.toString();
    }

    private String check(int port, String session) throws Exception {
        String body = """
                {"clientIp":"198.51.100.21","userAgent":"%s","sessionId":"%s","cookieState":"valid",
                 "challengePassed":false,"host":"shop.example","method":"GET","path":"/products/7","query":"q=shoes",
                 "country":"DE","ja3":null,"ja4":"t13d1516h2_8daaf6152771_02713d6af862","asn":null,
                 "headers":{"accept":"text/html","accept-language":"de","accept-encoding":"gzip",
                 "sec-fetch-mode":"navigate"}}""".formatted(CHROME, session);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/check"))
                .header("Authorization", "Bearer " + EDGE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("action").asText();
    }

    private HttpResponse<String> post(int port, String ndjson) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/logs"))
                .header("Authorization", "Bearer " + INGEST_KEY).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
