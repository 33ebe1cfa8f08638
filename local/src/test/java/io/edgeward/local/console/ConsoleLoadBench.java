package io.edgeward.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.local.LocalStack;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark, not a test: how fast the console's overview answers while the stream is busy. Starts a broker and the
 * local stack with the console (detection off: its throughput is measured on its own), stores {@code decisions}
 * block decisions through the decisions topic and waits until Protector holds them all, then produces synthetic log
 * records at {@code rate} per second straight to the logs topic (ingest's own ceiling is measured elsewhere) with a
 * few detections and challenge events, and after a warm-up times the overview (hour and day) and the decisions page
 * once every half second, as an operator's browser would load them. Prints latency percentiles, the rate reached and
 * how far the console's figures lag behind the logs topic. Run from the repository root (docs/benchmarks.md,
 * "Operator console"):
 * {@code java -cp "$(cat local/target/test-classpath.txt):local/target/test-classes:local/target/classes"
 * io.edgeward.local.console.ConsoleLoadBench 60 10000 100000}
 */
public final class ConsoleLoadBench {

    private static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String[] ACTIONS = {"allow", "challenge", "block", "monitor"};

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int decisions = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "console-bench-");
        try (KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"));
             LocalStack stack = LocalStack.start(LocalConfig.builder(new LocalSecrets(ADMIN_TOKEN,
                             "bench-edge-key-0123456789abcdef", "bench-ingest-key-0123456789abcdef",
                             "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", List.of()))
                     .anyFreePorts().kafkaBootstrapServers(broker.bootstrapServers())
                     .dataDir(data.resolve("stack")).detection(false).console(true).build());
             KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            String protector = "http://127.0.0.1:" + stack.protectorPort();
            String console = "http://127.0.0.1:" + stack.consolePort() + "/console/";
            seedDecisions(producer, stack.config().decisionsTopic(), decisions);
            awaitDecisions(protector, decisions);
            System.out.printf("%d decisions stored in Protector%n", decisions);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong produced = new AtomicLong();
            Thread traffic = new Thread(() -> produce(producer, stack.config(), rate, running, produced), "bench-traffic");
            traffic.start();
            String cookie = logIn(console);
            int warmUp = 20;
            TimeUnit.SECONDS.sleep(warmUp); // a benchmark's warm-up, not a synchronisation
            long producedBefore = produced.get();
            long start = System.nanoTime();
            List<Long> hour = new ArrayList<>();
            List<Long> day = new ArrayList<>();
            List<Long> decisionsPage = new ArrayList<>();
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                hour.add(time(console + "?period=hour", cookie));
                day.add(time(console + "?period=day", cookie));
                decisionsPage.add(time(console + "decisions", cookie));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
            double reached = (produced.get() - producedBefore) / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            traffic.join();
            long lag = lag(broker.bootstrapServers(), stack.config().logsTopic());
            System.out.printf("%nlog records produced: %.0f/s (asked %d/s) for %d s after a %d s warm-up;"
                    + " console lag at the end: %d records%n", reached, rate, seconds, warmUp, lag);
            System.out.println("| page | loads | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---|---|---|---|");
            row("overview, last hour", hour);
            row("overview, last day", day);
            row("decisions (first 50 of " + decisions + ")", decisionsPage);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.ACKS_CONFIG, "1"),
                new StringSerializer(), new StringSerializer());
    }

    private static void seedDecisions(KafkaProducer<String, String> producer, String topic, int count) {
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            ObjectNode value = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("list", "decision")
                    .put("scope", "ip").put("value", ip).put("action", "block").put("reason", "bench decision " + i)
                    .put("source", "admin").put("createdAt", now.toString())
                    .put("expiresAt", now.plus(Duration.ofHours(6)).toString());
            producer.send(new ProducerRecord<>(topic, "decision|ip|" + ip, value.toString()));
        }
        producer.flush();
    }

    private static void awaitDecisions(String protector, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(protector + "/v1/admin/decisions?limit=0"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("total").asLong() >= count) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("Protector did not hold " + count + " decisions within 5 minutes");
    }

    /** Log records at {@code rate} per second in 10 ms slices, with a detection and a challenge event now and then. */
    private static void produce(KafkaProducer<String, String> producer, LocalConfig config, int rate,
                                AtomicBoolean running, AtomicLong produced) {
        Random random = new Random(7);
        int perSlice = Math.max(1, rate / 100);
        long next = System.nanoTime();
        while (running.get()) {
            Instant now = Instant.now();
            for (int i = 0; i < perSlice; i++) {
                String ip = "198.18." + random.nextInt(200) + "." + random.nextInt(250);
                int roll = random.nextInt(100);
                String action = ACTIONS[roll < 90 ? 0 : roll < 95 ? 1 : roll < 99 ? 2 : 3];
                ObjectNode record = JSON.createObjectNode().put("v", 1).put("time", now.toString())
                        .put("requestId", UUID.randomUUID().toString()).put("source", "edge").put("clientIp", ip)
                        .put("method", "GET").put("host", "shop.example").put("path", "/products/" + random.nextInt(1000))
                        .put("status", 200).put("userAgent", "Mozilla/5.0 bench/" + random.nextInt(300))
                        .put("sessionId", "s" + random.nextInt(100_000)).put("cookieState", "valid")
                        .put("action", action).put("mode", "mitigate").put("country", random.nextBoolean() ? "DE" : "US");
                producer.send(new ProducerRecord<>(config.logsTopic(), null, now.toEpochMilli(), ip, record.toString()));
            }
            produced.addAndGet(perSlice);
            if (random.nextInt(100) == 0) {
                String ip = "198.18." + random.nextInt(200) + "." + random.nextInt(250);
                ObjectNode detection = JSON.createObjectNode().put("rule", "scraping.no-assets").put("scope", "ip")
                        .put("value", ip).put("action", "challenge").put("duration", "PT15M")
                        .put("reason", "bench").put("detectedAt", now.toString());
                producer.send(new ProducerRecord<>(config.detectionsTopic(), null, now.toEpochMilli(), "ip|" + ip,
                        detection.toString()));
                ObjectNode challenge = JSON.createObjectNode().put("v", 1).put("time", now.toString())
                        .put("event", random.nextBoolean() ? "issued" : "passed").put("provider", "pow")
                        .put("solveMs", 800 + random.nextInt(2000)).put("clientIp", ip);
                producer.send(new ProducerRecord<>(config.challengesTopic(), null, now.toEpochMilli(), ip,
                        challenge.toString()));
            }
            next += TimeUnit.MILLISECONDS.toNanos(10);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        producer.flush();
    }

    /** The console's session cookie, through the login form as a browser gets it. */
    private static String logIn(String console) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(console + "login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        String preCookie = cookies(page);
        String form = "token=" + URLEncoder.encode(ADMIN_TOKEN, StandardCharsets.UTF_8)
                + (csrf.find() ? "&csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(console + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", console.substring(0, console.indexOf("/console/")))
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!preCookie.isEmpty()) {
            login.header("Cookie", preCookie);
        }
        HttpResponse<String> answer = HTTP.send(login.build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookies(answer);
        if (!cookie.contains("__Host-ew-console=")) {
            throw new IllegalStateException("login failed: " + answer.statusCode() + " " + answer.body());
        }
        return cookie;
    }

    private static String cookies(HttpResponse<?> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
    }

    private static long time(String url, String cookie) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return micros;
    }

    private static long lag(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            String group = admin.listGroups().all().get().stream().map(g -> g.groupId())
                    .filter(id -> id.startsWith("edgeward-console")).findFirst().orElseThrow();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                    .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().mapToLong(e -> e.getValue().offset() - committed.get(e.getKey()).offset())
                    .sum();
        }
    }

    private static void row(String page, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", page, sorted.size(), pct(sorted, 0.50) / 1000.0,
                pct(sorted, 0.95) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
