package io.edgeward.console.figures;

import io.edgeward.env.kafka.KafkaClientSettings;
import io.edgeward.kafka.broker.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Not a test: how fast the figures work through a pre-filled logs topic on a real broker, and how long the pages'
 * queries take over a full day of state. Fills the topic with N records spread over the last 23 hours (or as given) (a pool of
 * 50,000 addresses, 30 browser user agents and 2,000 paths, a fifth of the agents and a tenth of the paths one-off
 * values, so every window's summaries are full), starts the figures, and after a warm-up fifth times the rest in
 * wall-clock and CPU time (the stream thread; the broker runs in its own process). Then times each query 50 times.
 * Usage: {@code FiguresBenchmark [records] [partitions] [minutes spanned, default 1380]}.
 */
public final class FiguresBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        // 23 hours fills a day of windows, but the explain index keeps an hour, so most of its writes fall in
        // expired segments and cost nothing; 1 hour makes every record pay for them
        int spanMinutes = args.length > 2 ? Integer.parseInt(args[2]) : 23 * 60;
        Path dir = Path.of("target", "figures-bench-" + System.currentTimeMillis());
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic("bench.logs", partitions, Map.of());
            broker.createTopic("bench.detections", 1, Map.of());
            Instant now = Instant.now();
            fill(broker, records, now, Duration.ofMinutes(spanMinutes));
            FiguresConfig config = new FiguresConfig(KafkaClientSettings.plaintext(broker.bootstrapServers()),
                    "bench-figures", dir.resolve("state"), "bench.logs", "bench.detections", "bench.challenges",
                    Duration.ofSeconds(5));
            try (StreamsFigures figures = StreamsFigures.start(config, Clock.systemUTC(), Map.of(),
                    Duration.ofDays(1))) {
                long warm = records / 5;
                while (figures.overview(Period.DAY).requests() < warm) {
                    Thread.sleep(200);
                }
                long t0 = System.nanoTime();
                long cpu0 = streamThreadCpu();
                long done;
                while ((done = figures.overview(Period.DAY).requests()) < records) {
                    Thread.sleep(200);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (streamThreadCpu() - cpu0) / 1e9;
                long measured = records - warm;
                System.out.printf("span=%s records=%d partitions=%d measured=%d wall=%.1fs -> %.0f records/s; "
                                + "stream thread cpu=%.1fs -> %.0f records per cpu-second%n", Duration.ofMinutes(spanMinutes), records, partitions,
                        measured, seconds, measured / seconds, cpu, measured / cpu);
                time("overview(DAY)", () -> figures.overview(Period.DAY));
                time("overview(HOUR)", () -> figures.overview(Period.HOUR));
                time("detections(latest 100)", () -> figures.detections(DetectionQuery.latest(100)));
                time("explain(address)", () -> figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS,
                        "10.0.0.7")));
                time("explain(session)", () -> figures.explain(new ExplainKey(ExplainKey.Kind.SESSION, "s7")));
                time("challenges(DAY)", () -> figures.challenges(Period.DAY));
            }
        }
    }

    private static void fill(KafkaBroker broker, int records, Instant now, Duration spanned) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        SplittableRandom random = new SplittableRandom(42);
        long span = spanned.toMillis();
        long start = now.toEpochMilli() - span;
        String[] actions = {"allow", "allow", "allow", "allow", "allow", "allow", "challenge", "block", "monitor"};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                long ts = start + span * i / records;
                int a = random.nextInt(50_000);
                String ip = "10." + (a >> 16) + "." + (a >> 8 & 255) + "." + (a & 255);
                String ua = random.nextInt(5) == 0 ? "bot/" + random.nextLong()
                        : "Mozilla/5.0 (browser " + random.nextInt(30) + ")";
                String path = random.nextInt(10) == 0 ? "/search/" + random.nextLong()
                        : "/products/" + random.nextInt(2_000);
                String json = "{\"v\":1,\"time\":\"" + Instant.ofEpochMilli(ts) + "\",\"requestId\":\"req-" + i
                        + "\",\"source\":\"edge\",\"clientIp\":\"" + ip + "\",\"method\":\"GET\",\"host\":"
                        + "\"shop.example\",\"path\":\"" + path + "\",\"query\":null,\"status\":200,\"bytes\":5120,"
                        + "\"contentType\":\"text/html\",\"userAgent\":\"" + ua + "\",\"referer\":"
                        + "\"https://shop.example/\",\"accept\":\"text/html\",\"acceptLanguage\":\"de\","
                        + "\"sessionId\":\"s" + random.nextInt(100_000) + "\",\"cookieState\":\"valid\","
                        + "\"action\":\"" + actions[random.nextInt(actions.length)] + "\",\"reason\":null,"
                        + "\"mode\":\"mitigate\",\"decisionId\":null,\"edgeLocation\":\"FRA56-C1\","
                        + "\"country\":\"C" + random.nextInt(60) + "\",\"ja3\":null,\"ja4\":\"t13d1516h2_8daaf6152771"
                        + "_02713d6af862\",\"asn\":null,\"timeTakenMs\":null}";
                producer.send(new ProducerRecord<>("bench.logs", null, ts, ip, json));
            }
        }
    }

    private static void time(String name, Supplier<?> query) {
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: median %.1f ms, max %.1f ms%n", name, nanos[25] / 1e6, nanos[49] / 1e6);
    }

    private static long streamThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains("StreamThread")) {
                sum += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return sum;
    }
}
