package io.edgeward.edge.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Protector stand-in on loopback speaking {@code POST /v1/check} (docs/contracts.md): answers a configured action,
 * or 500, or hangs until closed. Records every request it received.
 */
final class ProtectorStandIn implements AutoCloseable {

    static final String KEY = "edge-key-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.answer("allow", 60, null, null);
    private final java.util.concurrent.atomic.AtomicInteger verifyCalls = new java.util.concurrent.atomic.AtomicInteger();

    private ProtectorStandIn(HttpServer server) {
        this.server = server;
    }

    static ProtectorStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ProtectorStandIn standIn = new ProtectorStandIn(server);
        server.createContext("/v1/check", standIn::check);
        server.createContext("/v1/challenge/verify", standIn::verify);
        server.setExecutor(standIn.executor);
        server.start();
        return standIn;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int calls() {
        return requests.size();
    }

    Map<String, Object> lastRequest() {
        return requests.get(requests.size() - 1);
    }

    void answer(String action, long ttl, String reason, String decisionId) {
        behaviour = Behaviour.answer(action, ttl, reason, decisionId);
    }

    /** A block answer for a stored decision (docs/contracts.md C2). */
    void answerBlock(String scope, long blockUntil) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", "block");
        answer.put("ttl", 0);
        answer.put("reason", scope + " on blocklist");
        answer.put("decisionId", "d-" + scope);
        answer.put("blockScope", scope);
        answer.put("blockUntil", blockUntil);
        try {
            behaviour = new Behaviour(200, JSON.writeValueAsString(answer), false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verify requests received (also counted by {@link #calls()}). */
    int verifyCalls() {
        return verifyCalls.get();
    }

    void failWith(int status) {
        behaviour = new Behaviour(status, "{\"error\":\"internal\",\"detail\":\"stand-in failure\"}", false);
    }

    void hang() {
        behaviour = new Behaviour(0, null, true);
    }

    private void check(HttpExchange exchange) throws IOException {
        try (exchange) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
            body.put("_authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            body.put("_method", exchange.getRequestMethod());
            requests.add(body);
            Behaviour now = behaviour;
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"unauthorized\",\"detail\":\"bad key\"}");
                return;
            }
            if (now.hang) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            send(exchange, now.status, now.body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code POST /v1/challenge/verify}: passes any answer for the session it names (the edge side is tested). */
    private void verify(HttpExchange exchange) throws IOException {
        try (exchange) {
            verifyCalls.incrementAndGet();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
            if (behaviour.hang) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            if (behaviour.status != 200) {
                send(exchange, behaviour.status, behaviour.body);
                return;
            }
            send(exchange, 200, JSON.writeValueAsString(Map.of("ok", true, "sessionId", body.get("sessionId"),
                    "returnTo", "/products/3")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private record Behaviour(int status, String body, boolean hang) {
        static Behaviour answer(String action, long ttl, String reason, String decisionId) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("action", action);
            answer.put("ttl", ttl);
            answer.put("reason", reason);
            answer.put("decisionId", decisionId);
            try {
                return new Behaviour(200, JSON.writeValueAsString(answer), false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
