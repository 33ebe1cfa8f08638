package io.edgeward.console.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The figures on a real broker, started before the challenges topic exists. */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsFiguresKafkaTest {

    @Test
    void figures_answer_from_a_real_broker_and_pick_up_a_challenges_topic_created_later(KafkaBroker broker)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String logs = "logs-" + run;
        String detections = "detections-" + run;
        String challenges = "challenges-" + run;
        broker.createTopic(logs, 2, Map.of());
        broker.createTopic(detections, 1, Map.of());
        FiguresConfig config = new FiguresConfig(KafkaClientSettings.plaintext(broker.bootstrapServers()),
                "console-it-" + run, Path.of("target", "figures-it", run), logs, detections, challenges,
                Duration.ofMillis(200));

        try (StreamsFigures figures = StreamsFigures.start(config, Clock.systemUTC(), Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 1000));
             KafkaProducer<String, String> producer = producer(broker)) {
            await().atMost(Duration.ofSeconds(60)).until(figures::ready);
            assertThat(figures.challenges(Period.HOUR).providers()).isEmpty();

            Instant now = Instant.now();
            for (int i = 0; i < 3; i++) {
                String ip = "203.0.113." + (7 + i);
                producer.send(new ProducerRecord<>(logs, null, now.toEpochMilli(), ip, """
                        {"v":1,"time":"%s","requestId":"r%d-%s","clientIp":"%s","method":"GET","path":"/p",
                         "status":200,"sessionId":"sess-%s","cookieState":"valid","action":"block"}"""
                        .formatted(now, i, run, ip, run)));
            }
            producer.send(new ProducerRecord<>(logs, null, now.toEpochMilli(), "x", "{not json"));
            producer.send(new ProducerRecord<>(detections, null, now.toEpochMilli(), "ip|203.0.113.7", """
                    {"rule":"scraping.no-assets","scope":"ip","value":"203.0.113.7","action":"challenge",
                     "duration":"PT15M","reason":"no assets","detectedAt":"%s","evidence":{},"id":"dec-%s"}"""
                    .formatted(now, run)));
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Overview o = figures.overview(Period.HOUR);
                assertThat(o.requests()).isEqualTo(3);
                assertThat(o.byAction()).containsEntry("block", 3L);
                assertThat(o.top().get(Dimension.RULE)).containsExactly(new TopEntry("scraping.no-assets", 1));
            });
            assertThat(figures.overview(Period.DAY).requests()).isEqualTo(3);
            assertThat(figures.skipped(logs)).isEqualTo(1);
            assertThat(figures.detections(DetectionQuery.latest(10))).extracting(DetectionRow::decisionId)
                    .containsExactly("dec-" + run);
            Explanation byAddress = figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS, "203.0.113.7"));
            assertThat(byAddress.requests()).extracting(SeenRequest::requestId).containsExactly("r0-" + run);
            assertThat(byAddress.detections()).hasSize(1);
            // the session's requests came through both partitions
            assertThat(figures.explain(new ExplainKey(ExplainKey.Kind.SESSION, "sess-" + run)).requests())
                    .hasSize(3);

            broker.createTopic(challenges, 1, Map.of());
            producer.send(new ProducerRecord<>(challenges, null, now.toEpochMilli(), "sess-" + run, """
                    {"v":1,"time":"%s","event":"passed","provider":"pow","reason":null,"solveMs":1200,
                     "sessionId":"sess-%s","clientIp":"203.0.113.7"}""".formatted(now, run))).get();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(figures.challenges(Period.HOUR).providers()).extracting(ProviderStats::passed)
                        .containsExactly(1L);
                assertThat(figures.explain(new ExplainKey(ExplainKey.Kind.SESSION, "sess-" + run)).challenges())
                        .hasSize(1);
            });
            assertThat(figures.ready()).isTrue();
        }
    }

    @Test
    void a_clean_restart_keeps_the_figures_from_the_state_directory_without_counting_twice(KafkaBroker broker)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        broker.createTopic("logs-" + run, 2, Map.of());
        broker.createTopic("detections-" + run, 1, Map.of());
        FiguresConfig config = new FiguresConfig(KafkaClientSettings.plaintext(broker.bootstrapServers()),
                "console-restart-" + run, Path.of("target", "figures-it", run), "logs-" + run, "detections-" + run,
                "", Duration.ofMillis(200));
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = producer(broker)) {
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>("logs-" + run, null, now.toEpochMilli(), "198.51.100." + i, """
                        {"v":1,"time":"%s","requestId":"q%d","clientIp":"198.51.100.%d","method":"GET","path":"/",
                         "status":200}""".formatted(now, i, i)));
            }
        }
        try (StreamsFigures figures = StreamsFigures.start(config)) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(figures.overview(Period.HOUR).requests()).isEqualTo(4));
        }
        try (StreamsFigures again = StreamsFigures.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(again::ready);

            assertThat(again.overview(Period.HOUR).requests()).isEqualTo(4);
            assertThat(again.explain(new ExplainKey(ExplainKey.Kind.REQUEST, "q2")).requests()).hasSize(1);
        }
    }

    @Test
    void a_new_container_without_the_state_directory_reads_the_last_hour_again(KafkaBroker broker) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        broker.createTopic("logs-" + run, 2, Map.of());
        broker.createTopic("detections-" + run, 1, Map.of());
        Path stateDir = Path.of("target", "figures-it", run);
        FiguresConfig config = new FiguresConfig(KafkaClientSettings.plaintext(broker.bootstrapServers()),
                "console-fresh-" + run, stateDir, "logs-" + run, "detections-" + run, "", Duration.ofMillis(200));
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = producer(broker)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("logs-" + run, null, now.toEpochMilli(), "198.51.100." + i, """
                        {"v":1,"time":"%s","requestId":"f%d","clientIp":"198.51.100.%d","method":"GET","path":"/",
                         "status":200}""".formatted(now, i, i)));
            }
        }
        try (StreamsFigures figures = StreamsFigures.start(config)) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(figures.overview(Period.HOUR).requests()).isEqualTo(3));
        }
        try (var files = java.nio.file.Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }

        try (StreamsFigures again = StreamsFigures.start(config)) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(again.overview(Period.HOUR).requests()).isEqualTo(3));
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
