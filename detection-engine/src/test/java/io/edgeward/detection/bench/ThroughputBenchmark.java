package io.edgeward.detection.bench;

import io.edgeward.detection.DetectionConfig;
import io.edgeward.detection.DetectionEngine;
import io.edgeward.detection.topology.Topics;
import io.edgeward.kafka.broker.KafkaBroker;
import java.nio.file.Path;
import java.time.Instant;
import io.edgeward.detection.topics.JsonSerde;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Not a test: measures how fast one stream thread works through a pre-filled {@code edgeward.logs} on a real broker.
 * Fills the topic with N synthetic records (people reading pages with assets, scrapers, cookie refusers,
 * credential stuffers), then starts the engine and, after a warm-up fifth, times the committed offset to the end
 * in wall-clock time and in CPU time (the stream thread, and this whole JVM; the broker runs in its own process).
 * Usage: {@code ThroughputBenchmark [records] [partitions] [windowChangelogs]}; docs/benchmarks/detection.md has the command.
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean windowChangelogs = args.length <= 2 || Boolean.parseBoolean(args[2]);
        Path dir = Path.of("target", "bench-" + System.currentTimeMillis());
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            Topics topics = new Topics("bench.logs", "bench.detections", "bench.decisions");
            broker.createTopic(topics.logs(), partitions, Map.of());
            broker.createTopic(topics.detections(), 1, Map.of());
            broker.createTopic(topics.decisions(), 1, Map.of("cleanup.policy", "compact"));
            long fillStart = System.nanoTime();
            fill(broker, topics.logs(), records);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf("filled %d records in %.1f s (%.0f records/s)%n", records, fillSeconds,
                    records / fillSeconds);

            DetectionConfig config = DetectionConfig.fromEnvironment(Map.of(
                    "EDGEWARD_KAFKA_BOOTSTRAP", broker.bootstrapServers(), "EDGEWARD_DETECTION_APP_ID", "bench-detection",
                    "EDGEWARD_DETECTION_STATE_DIR", dir.resolve("state").toString(),
                    "EDGEWARD_LOGS_TOPIC", topics.logs(), "EDGEWARD_DETECTIONS_TOPIC", topics.detections(),
                    "EDGEWARD_DECISIONS_TOPIC", topics.decisions(), "EDGEWARD_DETECTION_DLQ_TOPIC", "bench.dlq",
                    "EDGEWARD_DETECTION_WINDOW_CHANGELOG", Boolean.toString(windowChangelogs)));
            System.out.printf("engine: 1 stream thread, commit interval PT5S, cache 64 MiB, window changelogs %s%n",
                    windowChangelogs);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            try (Admin admin = broker.admin(); DetectionEngine engine = DetectionEngine.start(config)) {
                // the first fifth warms the JIT and fills the caches; the rest is measured
                long warmUp = records / 5;
                long done = 0;
                while (done < warmUp) {
                    done = committed(admin, topics.logs(), partitions);
                    Thread.sleep(100); // polling a benchmark's progress, not synchronising a test
                }
                long startOffset = done;
                long startWall = System.nanoTime();
                long startCpu = os.getProcessCpuTime();
                long startThreadCpu = streamThreadCpu();
                while (done < records) {
                    Thread.sleep(100);
                    done = committed(admin, topics.logs(), partitions);
                }
                double wall = (System.nanoTime() - startWall) / 1e9;
                double cpu = (os.getProcessCpuTime() - startCpu) / 1e9;
                double threadCpu = (streamThreadCpu() - startThreadCpu) / 1e9;
                long measured = done - startOffset;
                System.out.printf("engine: %d records measured after %d warm-up records%n", measured, startOffset);
                System.out.printf("  %.0f records/s wall (%.1f s; load average %.1f on %d cores)%n",
                        measured / wall, wall, os.getSystemLoadAverage(), os.getAvailableProcessors());
                System.out.printf("  %.0f records per CPU-second of the stream thread%n", measured / threadCpu);
                System.out.printf("  %.0f records per CPU-second of the engine's whole JVM"
                        + " (stream thread, its producer and consumer threads, RocksDB, JIT, GC)%n", measured / cpu);
            }
        }
    }

    /** CPU time of the engine's stream thread(s), from the JVM's thread bean. */
    private static long streamThreadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long committed(Admin admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("bench-detection")
                .partitionsToOffsetAndMetadata().get();
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, p));
            total += o == null ? 0 : o.offset();
        }
        return total;
    }

    /** Synthetic traffic: 85% people reading pages with assets, the rest bots of four kinds. */
    interface Sink {
        void accept(String key, long time, String json) throws Exception;
    }

    static void fill(KafkaBroker broker, String topic, int records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            generate(records, (key, time, json) -> producer.send(new ProducerRecord<>(topic, null, time, key, json)));
        }
    }

    /** Synthetic traffic: 85% people reading pages with assets, the rest bots of four kinds. */
    static void generate(int records, Sink sink) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long start = Instant.parse("2026-11-23T08:00:00Z").toEpochMilli();
        {
            for (int i = 0; i < records; i++) {
                long time = start + i; // 1,000 requests per second of event time
                int visitor = random.nextInt(20_000);
                String ip = "10." + (visitor >> 8 & 0xff) + "." + (visitor & 0xff) + "." + (visitor % 7);
                int kind = visitor % 20;
                String json;
                if (kind < 17) {
                    String path = i % 4 == 0 ? "/products/" + random.nextInt(500) : "/static/a" + i % 3 + ".css";
                    json = record(time, i, ip, "GET", path, 200, "s" + visitor, "valid", true);
                } else if (kind == 17) {
                    json = record(time, i, ip, "GET", "/products/" + i % 10_000, 200, "s" + visitor, "valid", true);
                } else if (kind == 18) {
                    json = record(time, i, ip, "GET", "/search?q=" + i, 200, "n" + i, "none", false);
                } else {
                    json = record(time, i, ip, "POST", "/login", 401, "n" + i, "none", true);
                }
                sink.accept(ip, time, json);
            }
        }
    }

    private static String record(long time, int i, String ip, String method, String path, int status,
                                 String session, String cookieState, boolean language) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("v", 1);
        r.put("time", Instant.ofEpochMilli(time).toString());
        r.put("requestId", "bench-" + i);
        r.put("source", "edge");
        r.put("clientIp", ip);
        r.put("method", method);
        r.put("host", "shop.example");
        r.put("path", path);
        r.put("status", status);
        r.put("bytes", 5120);
        r.put("contentType", "text/html");
        r.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0");
        r.put("accept", "text/html");
        r.put("acceptLanguage", language ? "en" : null);
        r.put("sessionId", session);
        r.put("cookieState", cookieState);
        r.put("action", "allow");
        r.put("mode", "mitigate");
        r.put("edgeLocation", "FRA56-C1");
        r.put("country", "DE");
        r.put("ja4", "t13d1516h2_8daaf6152771_02713d6af862");
        return JsonSerde.MAPPER.writeValueAsString(r);
    }

    private ThroughputBenchmark() {
    }
}
