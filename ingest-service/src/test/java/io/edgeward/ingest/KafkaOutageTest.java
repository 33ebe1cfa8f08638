package io.edgeward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.ingest.support.IngestClient;
import io.edgeward.ingest.support.LogRecords;
import io.edgeward.ingest.support.TopicReader;
import io.edgeward.kafka.broker.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults with a dedicated broker that the test stops and restarts: ingest never answers 202 for what Kafka did not
 * acknowledge, and every record it did acknowledge is in the topic afterwards.
 */
class KafkaOutageTest {

    private static final String KEY = "test-ingest-key-0123456789";

    private final Path dataDir = Path.of("target", "outage-broker-" + UUID.randomUUID()).toAbsolutePath();
    private KafkaBroker broker;
    private IngestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
        KafkaBroker.deleteDataDir(dataDir);
    }

    @Test
    void no_acknowledged_record_is_lost_when_kafka_stops_under_load_and_comes_back() throws Exception {
        broker = KafkaBroker.start(dataDir);
        server = IngestServer.start(config(broker, 1000, 100_000));
        IngestClient client = new IngestClient(server.port(), KEY);
        Loader loader = new Loader(client);
        Thread thread = new Thread(loader, "ingest-loader");
        thread.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> loader.acked.size() >= 500);
        broker.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> loader.unavailable.get() >= 3);
        loader.away.set(true);
        HttpResponse<String> ready = client.get("/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(60)).until(() -> loader.unavailable.get() >= 5);
        loader.away.set(false);
        broker.restart();
        int ackedBeforeRecovery = loader.acked.size();
        await().atMost(Duration.ofSeconds(120)).until(() -> loader.acked.size() >= ackedBeforeRecovery + 500);
        loader.running.set(false);
        thread.join(Duration.ofSeconds(60).toMillis());

        assertThat(loader.failures).isEmpty();
        assertThat(loader.acceptedWhileAway.get()).as("202 answers while Kafka was away").isZero();
        assertThat(loader.missingRetryAfter.get()).as("503 answers without Retry-After").isZero();
        Set<String> read = new HashSet<>();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "outage")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : reader.poll()) {
                    read.add(requestId(record.value()));
                }
                return read.containsAll(loader.acked);
            });
        }
        assertThat(read).containsAll(loader.acked);
    }

    @Test
    void a_batch_beyond_the_in_flight_bound_is_refused_at_once_with_429_while_kafka_is_slow() throws Exception {
        broker = KafkaBroker.start(dataDir);
        server = IngestServer.start(config(broker, 10, 10));
        IngestClient client = new IngestClient(server.port(), KEY);
        assertThat(client.postNdjson(LogRecords.ndjson("warm", 10, Instant.now())).statusCode()).isEqualTo(202);
        broker.stop();

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> client.postNdjson(LogRecords.ndjson("waiting", 10, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlightRecords() == 10);
        HttpResponse<String> refused = client.postNdjson(LogRecords.ndjson("refused", 1, Instant.now()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"error\":\"overloaded\"");
        HttpResponse<String> timedOut = waiting.get();
        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(timedOut.body()).contains("\"error\":\"kafka_unavailable\"");
        broker.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlightRecords() == 0);
        assertThat(client.postNdjson(LogRecords.ndjson("after", 10, Instant.now())).statusCode()).isEqualTo(202);
    }

    private double inFlightRecords() {
        return server.metrics().registry().get("edgeward.ingest.inflight.records").gauge().value();
    }

    private static IngestConfig config(KafkaBroker broker, int maxRecords, int maxInFlightRecords) {
        return IngestConfig.builder()
                .bindAddress("127.0.0.1").port(0).apiKey(KEY)
                .bootstrapServers(broker.bootstrapServers()).topic("outage").partitions(2)
                .maxRecords(maxRecords).maxInFlightRecords(maxInFlightRecords)
                .requestTimeout(Duration.ofSeconds(3))
                .build();
    }

    private static String requestId(String value) {
        int start = value.indexOf("\"requestId\":\"") + 13;
        return value.substring(start, value.indexOf('"', start));
    }

    /** Posts batches of 20 records with unique ids, one after the other, and tallies the answers. */
    private static final class Loader implements Runnable {
        final Set<String> acked = ConcurrentHashMap.newKeySet();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicBoolean away = new AtomicBoolean(false);
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger acceptedWhileAway = new AtomicInteger();
        final AtomicInteger missingRetryAfter = new AtomicInteger();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final IngestClient client;

        Loader(IngestClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            int batch = 0;
            while (running.get()) {
                String prefix = "b" + batch++;
                boolean wasAway = away.get();
                HttpResponse<String> response = client.postNdjson(LogRecords.ndjson(prefix, 20, Instant.now()));
                switch (response.statusCode()) {
                    case 202 -> {
                        acked.addAll(LogRecords.ids(prefix, 20));
                        if (wasAway && away.get()) {
                            acceptedWhileAway.incrementAndGet();
                        }
                    }
                    case 503 -> {
                        unavailable.incrementAndGet();
                        if (response.headers().firstValue("Retry-After").isEmpty()) {
                            missingRetryAfter.incrementAndGet();
                        }
                    }
                    default -> failures.add(response.statusCode() + " " + response.body());
                }
            }
        }
    }
}
