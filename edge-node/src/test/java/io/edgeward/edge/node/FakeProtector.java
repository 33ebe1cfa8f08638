package io.edgeward.edge.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server speaking Protector's {@code POST /v1/check} contract, told what to answer. */
public final class FakeProtector implements AutoCloseable {

    public static final String KEY = "edge-key-for-node-tests";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger signalCalls = new AtomicInteger();
    private final AtomicInteger verifyCalls = new AtomicInteger();
    private volatile String lastBody;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String answer = answer("allow");
    private volatile int status = 200;
    private volatile boolean hang;

    private FakeProtector(HttpServer server) {
        this.server = server;
    }

    public static FakeProtector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeProtector fake = new FakeProtector(server);
        server.createContext("/v1/check", fake::check);
        server.createContext("/v1/challenge/verify", fake::verify);
        server.createContext("/v1/signals", fake::signals);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return fake;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    /** The body of the last check received, or null. */
    public String lastBody() {
        return lastBody;
    }

    public void answers(String action) {
        this.answer = answer(action);
        this.status = 200;
        this.hang = false;
    }

    /** A block for a stored decision of this scope, until this epoch second (docs/contracts.md C2). */
    public void answersBlock(String scope, long blockUntil) {
        this.answer = "{\"action\":\"block\",\"ttl\":0,\"reason\":\"test:block\",\"decisionId\":\"d-block\","
                + "\"blockScope\":\"" + scope + "\",\"blockUntil\":" + blockUntil + "}";
        this.status = 200;
        this.hang = false;
    }

    public int verifyCalls() {
        return verifyCalls.get();
    }

    public void fails(int httpStatus) {
        this.status = httpStatus;
        this.hang = false;
    }

    public void hangs() {
        this.hang = true;
    }

    private static String answer(String action) {
        return "{\"action\":\"" + action + "\",\"ttl\":60,\"reason\":\"test:" + action + "\",\"decisionId\":\"d-"
                + action + "\"}";
    }

    private void check(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"unauthorized\",\"detail\":\"bad key\"}");
            return;
        }
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(exchange, status, status == 200 ? answer : "{\"error\":\"internal\",\"detail\":\"test\"}");
    }

    /** Passes any answer for the session it names (the edge's side is what is tested). */
    private void verify(HttpExchange exchange) throws IOException {
        verifyCalls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> request = NodeBundle.JSON.readValue(body, java.util.Map.class);
        if (status != 200) {
            send(exchange, status, "{\"error\":\"internal\",\"detail\":\"test\"}");
            return;
        }
        send(exchange, 200, "{\"ok\":true,\"sessionId\":\"" + request.get("sessionId") + "\",\"returnTo\":\"/\"}");
    }

    /** A browser sensor report: always human, held 30 minutes (the edge's side is what is tested). */
    private void signals(HttpExchange exchange) throws IOException {
        signalCalls.incrementAndGet();
        lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        send(exchange, 200, "{\"verdict\":\"human\",\"reason\":\"input\",\"ttl\":1800,\"quietReports\":0}");
    }

    public int signalCalls() {
        return signalCalls.get();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
