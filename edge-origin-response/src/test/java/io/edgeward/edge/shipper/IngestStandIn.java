package io.edgeward.edge.shipper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback speaking ingest's {@code POST /v1/logs}: checks the Bearer key and the NDJSON
 * content type, keeps what it received, answers 202 (or a status the test sets). It can hold every request until
 * released, to play an ingest that hangs.
 */
final class IngestStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] expectedAuthorization;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile int status = 202;

    private IngestStandIn(String apiKey) throws IOException {
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/logs", this::logs);
        server.setExecutor(executor);
        server.start();
    }

    static IngestStandIn start(String apiKey) {
        try {
            return new IngestStandIn(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, requests are received but not answered until {@link #release()}. */
    void holdRequests() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    void answerWith(int newStatus) {
        status = newStatus;
    }

    int received() {
        return received.get();
    }

    int answered() {
        return answered.get();
    }

    /** Every record of every accepted batch, in arrival order. */
    List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String body : bodies) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    records.add(parse(line));
                }
            }
        }
        return records;
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void logs(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            awaitRelease();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer = 405;
            } else if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                answer = 401;
            } else if (!"application/x-ndjson".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer = 415;
            } else {
                answer = status;
                if (answer == 202) {
                    bodies.add(body);
                }
            }
            exchange.sendResponseHeaders(answer, -1);
            answered.incrementAndGet();
        }
    }

    private void awaitRelease() {
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
