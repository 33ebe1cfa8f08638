package io.edgeward.passive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server speaking ingest's {@code POST /v1/logs} contract, with scripted answers: 202 by default, or
 * the next scripted one (400 with per-record errors, 429/503 with Retry-After, a hang). Records are kept only from
 * batches answered 202, as ingest stores only what it acknowledges.
 */
final class IngestStandIn implements AutoCloseable {

    static final String KEY = "test-ingest-key-0123456789";

    /** One scripted answer; {@code hang} holds the request open until the stand-in closes. */
    record Answer(int status, Map<String, String> headers, String body, boolean hang) {
        static Answer status(int status, String retryAfter) {
            return new Answer(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter),
                    "{\"error\":\"unavailable\",\"detail\":\"scripted\"}", false);
        }

        static Answer hanging() {
            return new Answer(0, Map.of(), "", true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<List<JsonNode>> acceptedBatches = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> answered = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<List<JsonNode>, String> validator = batch -> null;

    IngestStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/logs", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Answers 400 with the body this returns for a batch, when it returns one (like ingest's schema check). */
    void validateWith(Function<List<JsonNode>, String> check) {
        validator = check;
    }

    List<List<JsonNode>> acceptedBatches() {
        return List.copyOf(acceptedBatches);
    }

    List<JsonNode> acceptedRecords() {
        List<JsonNode> all = new ArrayList<>();
        acceptedBatches().forEach(all::addAll);
        return all;
    }

    /** Every status answered, in order (0 for a hang). */
    List<Integer> answered() {
        return List.copyOf(answered);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Map.of(), "{\"error\":\"unauthorized\",\"detail\":\"missing or wrong key\"}");
                return;
            }
            List<JsonNode> batch = readBatch(exchange);
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
            String invalid = validator.apply(batch);
            if (invalid != null) {
                reply(exchange, 400, Map.of(), invalid);
                return;
            }
            acceptedBatches.add(batch);
            reply(exchange, 202, Map.of(), "{\"accepted\":" + batch.size() + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<JsonNode> readBatch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        InputStream in = new ByteArrayInputStream(body);
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
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
        server.stop(0);
        executor.shutdownNow();
    }
}
