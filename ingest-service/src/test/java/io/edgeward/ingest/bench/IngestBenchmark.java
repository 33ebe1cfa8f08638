package io.edgeward.ingest.bench;

import io.edgeward.kafka.broker.KafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest benchmark, in one session on one broker (these machines are noisy, so both sides run together):
 * <ol>
 *   <li>Kafka's own {@code ProducerPerformance} (child JVM): records of the same size, one partition, acks=all;</li>
 *   <li>ingest-service ({@code App}, child JVM) fed over loopback HTTP by closed-loop workers posting NDJSON batches
 *       to a one-partition topic: peak records/s, and the ratio to 1;</li>
 *   <li>an open-loop run at half of ingest's peak, latency measured from each request's scheduled send time (so a
 *       stall is not hidden by the generator waiting): p50/p99/p99.9 of {@code POST /v1/logs}.</li>
 * </ol>
 * Arguments (all optional): {@code records=1000000 batch=500 workers=8 seconds=30 warmup=10}.
 */
public final class IngestBenchmark {

    private static final String KEY = "bench-ingest-key-0123456789";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int ppRecords = Integer.parseInt(options.getOrDefault("records", "1000000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String compression = options.getOrDefault("compression", "lz4");

        Path dataDir = Path.of("target", "bench-broker-" + UUID.randomUUID()).toAbsolutePath();
        List<byte[]> bodies = bodies(batch, 32);
        int recordSize = (bodies.get(0).length / batch) - 1;
        System.out.printf("records: %d bytes each (NDJSON line without newline), batches of %d%n", recordSize, batch);
        try (KafkaBroker broker = KafkaBroker.start(dataDir)) {
            Path payloads = dataDir.resolve("payloads.ndjson");
            java.nio.file.Files.write(payloads, bodies.get(0));
            double ppDefaults = producerPerformance(broker, "bench-pp-defaults", ppRecords, payloads, List.of());
            double ppSame = producerPerformance(broker, "bench-pp-same", ppRecords, payloads, List.of(
                    "enable.idempotence=true", "linger.ms=5", "batch.size=131072", "compression.type=" + compression));

            int port = 18082;
            Process ingest = start(List.of("io.edgeward.ingest.App"), Map.of(
                    "EDGEWARD_INGEST_BIND", "127.0.0.1", "EDGEWARD_INGEST_PORT", Integer.toString(port),
                    "EDGEWARD_INGEST_KEY", KEY, "EDGEWARD_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                    "EDGEWARD_INGEST_TOPIC", "bench-ingest", "EDGEWARD_INGEST_PARTITIONS", "1",
                    "EDGEWARD_INGEST_COMPRESSION", compression));
            try {
                URI uri = URI.create("http://127.0.0.1:" + port + "/v1/logs");
                awaitReady(URI.create("http://127.0.0.1:" + port + "/ready"));
                closedLoop(uri, bodies, workers, warmup, batch);
                double peak = closedLoop(uri, bodies, workers, seconds, batch);
                System.out.printf("ingest peak: %.0f records/s = %.2f x ProducerPerformance with defaults, %.2f x with"
                        + " ingest's producer settings%n", peak, peak / ppDefaults, peak / ppSame);
                openLoop(uri, bodies, peak / 2, seconds, batch);
            } finally {
                ingest.destroy();
                ingest.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            KafkaBroker.deleteDataDir(dataDir);
        }
        System.exit(0);
    }

    /**
     * Kafka's own producer on a fresh one-partition topic, acks=all, sending the same NDJSON lines ingest receives
     * (as payloads), with optional extra producer properties.
     */
    private static double producerPerformance(KafkaBroker broker, String topic, int records, Path payloads,
            List<String> extraProps) throws Exception {
        broker.createTopic(topic, 1, Map.of());
        List<String> command = new ArrayList<>(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", Integer.toString(records), "--payload-file", payloads.toString(),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + broker.bootstrapServers(),
                "acks=all"));
        command.addAll(extraProps);
        double rate = parseRate(run(command, Map.of()));
        System.out.printf("ProducerPerformance %s: %.0f records/s%n", extraProps.isEmpty() ? "(defaults)" : extraProps,
                rate);
        return rate;
    }

    /** Workers post back to back; returns accepted records per second. */
    private static double closedLoop(URI uri, List<byte[]> bodies, int workers, int seconds, int batch)
            throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int offset = w;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int i = offset;
                while (running.get()) {
                    HttpResponse<String> response = post(client, uri, bodies.get(i++ % bodies.size()));
                    if (response != null && response.statusCode() == 202) {
                        accepted.addAndGet(batch);
                    } else {
                        refused.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long before = accepted.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = before / elapsed;
        System.out.printf("closed loop, %d workers, %d s: %.0f records/s (%d requests refused)%n", workers, seconds,
                rate, refused.get());
        return rate;
    }

    /** Sends batches at a fixed rate whatever the answers; latency counts from the scheduled send time. */
    private static void openLoop(URI uri, List<byte[]> bodies, double recordsPerSecond, int seconds, int batch)
            throws InterruptedException {
        double batchesPerSecond = recordsPerSecond / batch;
        long intervalNanos = (long) (1e9 / batchesPerSecond);
        long total = (long) (batchesPerSecond * seconds);
        var executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "open-loop-client");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long scheduled = start + n * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest request = request(uri, bodies.get((int) (n % bodies.size())));
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 202) {
                    failed.incrementAndGet();
                    failures.computeIfAbsent(e != null ? e.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                            k -> new AtomicLong()).incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - scheduled);
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        executor.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("open loop at %.0f records/s (%.1f batches/s of %d), %d s: %d ok, %d failed;"
                        + " latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; failures %s%n",
                recordsPerSecond, batchesPerSecond, batch, seconds, sorted.length, failed.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, failures);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, byte[] body) {
        try {
            return client.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpRequest request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Distinct NDJSON batches of records shaped like the edge shipper's (about 300 bytes each). */
    private static List<byte[]> bodies(int batch, int count) {
        List<byte[]> bodies = new ArrayList<>();
        Instant time = Instant.now();
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < batch; i++) {
                body.append(String.format("{\"v\":1,\"time\":\"%s\",\"requestId\":\"bench-%04d-%06d\","
                                + "\"source\":\"edge\",\"clientIp\":\"203.0.%d.%d\",\"method\":\"GET\","
                                + "\"host\":\"shop.example\",\"path\":\"/products/%d\",\"status\":200,\"bytes\":5120,"
                                + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0\","
                                + "\"cookieState\":\"valid\",\"action\":\"allow\",\"mode\":\"mitigate\",\"country\":\"DE\"}\n",
                        time, b, i, b % 250, i % 250, i % 1000));
            }
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static void awaitReady(URI ready) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ingest did not become ready");
    }

    private static String run(List<String> mainAndArgs, Map<String, String> env) throws Exception {
        Process process = start(mainAndArgs, env);
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        return output.toString();
    }

    private static Process start(List<String> mainAndArgs, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms512m", "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        if (!mainAndArgs.get(0).contains("ProducerPerformance")) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        return builder.start();
    }

    /** The rate from ProducerPerformance's last line: "N records sent, R records/sec (…)". */
    private static double parseRate(String output) {
        String last = output.lines().filter(line -> line.contains("records sent"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no summary from ProducerPerformance:\n" + output));
        System.out.println("ProducerPerformance: " + last);
        String[] parts = last.split(",")[1].strip().split(" ");
        return Double.parseDouble(parts[0]);
    }

    private static Map<String, String> options(String[] args) {
        return Arrays.stream(args).map(a -> a.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(a -> a[0], a -> a[1]));
    }
}
