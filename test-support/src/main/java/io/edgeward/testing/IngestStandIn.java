package io.edgeward.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on loopback speaking ingest's {@code POST /v1/logs} (docs/contracts.md): 405 for another
 * method, 401 without the Bearer key, 415 unless the body is {@code application/x-ndjson} (gzip accepted), then 202
 * with {@code {"accepted":n}} unless a test scripts otherwise: the next scripted {@link Answer} (a status with
 * Retry-After, or a hang until close), a status for every request ({@link #answerWith}), a 400 from a validator, or
 * every request held unanswered until {@link #release()}. Batches are kept only when answered 202, as ingest stores
 * only what it acknowledges.
 */
public final class IngestStandIn implements AutoCloseable {

    public static final String KEY = "test-ingest-key-0123456789";

    /** One scripted answer; {@code hang} holds the request open until the stand-in closes. */
    public record Answer(int status, Map<String, String> headers, String body, boolean hang) {
        public static Answer status(int status, String retryAfter) {
            return new Answer(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
                    "{\"error\":\"unavailable\",\"detail\":\"scripted\"}", false);
        }

        public static Answer hanging() {
            return new Answer(0, Map.of(), "", true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] expectedAuthorization;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<List<JsonNode>> acceptedBatches = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Integer> answered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile int status = 202;
    private volatile Function<List<JsonNode>, String> validator = batch -> null;

    private IngestStandIn(String apiKey) throws IOException {
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/logs", this::logs);
        server.setExecutor(executor);
        server.start();
    }

    /** With the key {@link #KEY}. */
    public static IngestStandIn start() {
        return start(KEY);
    }

    public static IngestStandIn start(String apiKey) {
        try {
            return new IngestStandIn(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create(url());
    }

    /** Answers the next requests with these, one each, before the default. */
    public void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Answers every following request with this status (202 accepts). */
    public void answerWith(int newStatus) {
        status = newStatus;
    }

    /** Answers 400 with the body this returns for a batch, when it returns one (like ingest's schema check). */
    public void validateWith(Function<List<JsonNode>, String> check) {
        validator = check;
    }

    /** From now on, requests are received but not answered until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** Requests received, answered or not. */
    public int received() {
        return received.get();
    }

    /** Every status answered, in order (0 for a scripted hang, when it starts). */
    public List<Integer> answered() {
        return List.copyOf(answered);
    }

    /** The Authorization header of every request received. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public List<List<JsonNode>> acceptedBatches() {
        return List.copyOf(acceptedBatches);
    }

    /** Every record of every accepted batch, in arrival order. */
    public List<JsonNode> acceptedRecords() {
        List<JsonNode> all = new ArrayList<>();
        acceptedBatches().forEach(all::addAll);
        return all;
    }

    /** {@link #acceptedRecords()} as plain maps, for {@code extracting(r -> r.get("requestId"))}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        acceptedRecords().forEach(record -> records.add(JSON.convertValue(record, Map.class)));
        return records;
    }

    /** The accepted request bodies as sent (decompressed). */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void logs(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.incrementAndGet();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            hold.await();
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, Map.of(), "{\"error\":\"method_not_allowed\",\"detail\":\"POST only\"}");
                return;
            }
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 401, Map.of(), "{\"error\":\"unauthorized\",\"detail\":\"missing or wrong key\"}");
                return;
            }
            if (!"application/x-ndjson".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                reply(exchange, 415, Map.of(), "{\"error\":\"unsupported_media_type\",\"detail\":\"NDJSON only\"}");
                return;
            }
            Answer answer = script.poll();
            if (answer != null && answer.hang()) {
                answered.add(0);
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            if (answer != null) {
                reply(exchange, answer.status(), answer.headers(), answer.body());
                return;
            }
            if (status != 202) {
                reply(exchange, status, Map.of(), "{\"error\":\"unavailable\",\"detail\":\"stand-in status\"}");
                return;
            }
            String text = text(raw, exchange.getRequestHeaders().getFirst("Content-Encoding"));
            List<JsonNode> batch = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    batch.add(JSON.readTree(line));
                }
            }
            String invalid = validator.apply(batch);
            if (invalid != null) {
                reply(exchange, 400, Map.of(), invalid);
                return;
            }
            acceptedBatches.add(batch);
            bodies.add(text);
            reply(exchange, 202, Map.of(), "{\"accepted\":" + batch.size() + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(byte[] raw, String contentEncoding) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        if ("gzip".equalsIgnoreCase(contentEncoding)) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        // Counted before the answer leaves, so a client that has its answer sees it counted.
        answered.add(status);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        hold.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
