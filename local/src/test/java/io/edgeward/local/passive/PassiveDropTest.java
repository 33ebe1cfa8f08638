package io.edgeward.local.passive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The passive path on the local stack, end to end: a CloudFront standard log file (built from AWS's documented sample
 * lines, with a scanner's probes added) dropped into the passive directory arrives in the logs topic keyed by client
 * IP, and the detection engine blocks the scanner on the decisions topic, as it would for the edge path.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassiveDropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCANNER = "203.0.113.66";
    private static final List<String> PROBES = List.of("/.env", "/wp-login.php", "/.git/config", "/xmlrpc.php",
            "/wp-admin/setup-config.php", "/phpmyadmin/", "/.aws/credentials", "/backup.zip");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private LocalStack stack;

    @BeforeAll
    void start(KafkaBroker broker) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        stack = LocalStack.start(LocalConfig.builder(new LocalSecrets("test-admin-token-0123456789",
                        "test-edge-key-0123456789abcdef", "test-ingest-key-0123456789abcdef",
                        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", List.of()))
                .anyFreePorts()
                .console(false)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .topicPrefix("p" + id + ".")
                .dataDir(Path.of("target", "local-passive-" + id).toAbsolutePath())
                .detection(true)
                .build());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void dropped_cloudfront_log_reaches_the_logs_topic_and_the_scanner_is_blocked() throws Exception {
        List<String> lines = logFile(Instant.now().minusSeconds(60));
        int scannerLines = (int) lines.stream().filter(l -> l.contains("\t" + SCANNER + "\t")).count();
        drop(stack.passiveDir(), "E2EXAMPLE.2026-11-23-15.passive.gz", lines);

        try (KafkaConsumer<String, String> logs = consumer(stack.config().logsTopic());
             KafkaConsumer<String, String> decisions = consumer(stack.config().decisionsTopic())) {
            List<ConsumerRecord<String, String>> logged = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                logs.poll(Duration.ofMillis(200)).forEach(logged::add);
                assertThat(logged.stream().filter(r -> SCANNER.equals(r.key()))).hasSize(scannerLines);
            });
            JsonNode first = JSON.readTree(logged.stream().filter(r -> SCANNER.equals(r.key())).findFirst()
                    .orElseThrow().value());
            assertThat(first.get("source").asText()).isEqualTo("cloudfront-standard");
            assertThat(first.get("status").asInt()).isEqualTo(404);
            assertThat(logged.stream().map(ConsumerRecord::key)).contains("192.0.2.100");

            List<ConsumerRecord<String, String>> decided = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                decisions.poll(Duration.ofMillis(200)).forEach(decided::add);
                assertThat(decided).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("decision|ip|" + SCANNER);
                    assertThat(JSON.readTree(r.value()).get("action").asText()).isEqualTo("block");
                });
            });
        }
        assertThat(stack.passiveDir().resolve("processed/E2EXAMPLE.2026-11-23-15.passive.gz")).exists();
    }

    /**
     * AWS's documented standard log (header and lines, testdata/cloudfront-logs/awsdocs_2023_standard_log_example.log)
     * moved to {@code at}, plus a scanner: one real line rewritten per probe path, each answered 404, three rounds.
     */
    private static List<String> logFile(Instant at) throws IOException {
        Path sample = Path.of(System.getProperty("edgeward.testdata"), "cloudfront-logs",
                "awsdocs_2023_standard_log_example.log");
        List<String> out = new ArrayList<>();
        String template = null;
        int n = 0;
        for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                out.add(line);
                continue;
            }
            String[] f = line.split("\t", -1);
            f[0] = DATE.format(at.plusSeconds(n));
            f[1] = TIME.format(at.plusSeconds(n++));
            out.add(String.join("\t", f));
            template = template == null ? line : template;
        }
        for (int round = 0; round < 3; round++) {
            for (String probe : PROBES) {
                String[] f = template.split("\t", -1);
                f[0] = DATE.format(at.plusSeconds(n));
                f[1] = TIME.format(at.plusSeconds(n++));
                f[4] = SCANNER;
                f[7] = probe;
                f[8] = "404";
                f[10] = "python-requests/2.31.0";
                f[14] = "scan" + round + "x" + Math.abs(probe.hashCode()) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
                out.add(String.join("\t", f));
            }
        }
        return out;
    }

    /** As CloudFront's delivery would: the complete gzip file appears at once (written aside, then moved in). */
    private static void drop(Path dir, String name, List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
