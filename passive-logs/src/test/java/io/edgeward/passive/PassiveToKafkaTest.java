package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.ingest.IngestConfig;
import io.edgeward.ingest.IngestServer;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.passive.source.DirectoryObjectSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The passive path against the real ingest service and a real Kafka broker: what it sends is what Kafka holds. */
@ExtendWith(KafkaBrokerExtension.class)
class PassiveToKafkaTest {

    private static final String KEY = "passive-test-ingest-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private static IngestServer ingest(KafkaBroker broker, String topic) {
        return IngestServer.start(IngestConfig.builder().bindAddress("127.0.0.1").port(0).apiKey(KEY)
                .bootstrapServers(broker.bootstrapServers()).topic(topic).partitions(1)
                .requestTimeout(Duration.ofSeconds(20)).build());
    }

    @Test
    void a_cloudfront_log_object_ends_up_in_kafka_keyed_by_client_ip_at_request_time(KafkaBroker broker)
            throws Exception {
        String topic = "passive-s3-" + UUID.randomUUID();
        broker.createTopic(topic, 1, Map.of("retention.ms", "-1")); // old request times: time retention would delete them
        Path object = root.resolve("logs/cf/E2.2019-12-13-22.abc.gz");
        Files.createDirectories(object.getParent());
        Files.write(object, Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("elastic_integrations_test-cloudfront.log"))));

        try (IngestServer ingest = ingest(broker, topic)) {
            S3LogHandler handler = new S3LogHandler(PassiveConfig.of(URI.create("http://127.0.0.1:" + ingest.port()), KEY)
                    .withBatchSize(5), new DirectoryObjectSource(root));
            ObjectReport report = handler.process(S3Events.event("logs", S3Events.created("cf/E2.2019-12-13-22.abc.gz", 900)))
                    .get(0);

            assertThat(report.delivery().accepted()).isEqualTo(12);
            List<ConsumerRecord<String, String>> records = readAll(broker, topic, 12);
            assertThat(records).hasSize(12).allSatisfy(record -> {
                JsonNode value = JSON.readTree(record.value());
                assertThat(record.key()).isEqualTo(value.path("clientIp").asText());
                assertThat(record.timestamp()).isEqualTo(Instant.parse(value.path("time").asText()).toEpochMilli());
                assertThat(value.path("source").asText()).isEqualTo("cloudfront-standard");
            });
            assertThat(records).extracting(ConsumerRecord::key).contains("2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6");
        }
    }

    @Test
    void replaying_the_apache_log_puts_every_parsable_line_in_kafka(KafkaBroker broker) {
        String topic = "passive-replay-" + UUID.randomUUID();
        broker.createTopic(topic, 1, Map.of("retention.ms", "-1")); // old request times: time retention would delete them
        StringWriter output = new StringWriter();

        try (IngestServer ingest = ingest(broker, topic)) {
            int exit = ReplayLogs.run(Map.of("EDGEWARD_INGEST_KEY", KEY), new PrintWriter(output, true),
                    "--ingest-url", "http://127.0.0.1:" + ingest.port(), "--batch-size", "2000",
                    Fixtures.apacheLog().toString());

            assertThat(exit).as("one line of the file does not parse").isEqualTo(1);
            assertThat(output.toString()).contains("\"accepted\" : 9999").contains("\"rejected\" : 0");
            assertThat(readAll(broker, topic, 9_999)).hasSize(9_999);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
