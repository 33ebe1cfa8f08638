package io.edgeward.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback speaking Protector's {@code POST /v1/check} (docs/contracts.md): checks the Bearer
 * key (401 otherwise), answers a configured action (allow, 60 s, by default), a stored block, a status, or hangs
 * until closed. {@code POST /v1/challenge/verify} passes any answer for the session it names, returning to
 * {@code /products/3}. Every check request body is recorded, with {@code _authorization} and {@code _method} added.
 */
public final class ProtectorStandIn implements AutoCloseable {

    public static final String KEY = "edge-key-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String expectedAuthorization;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger verifyCalls = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.answer("allow", 60, null, null);

    private ProtectorStandIn(HttpServer server, String key) {
        this.server = server;
        this.expectedAuthorization = "Bearer " + key;
    }

    /** With the key {@link #KEY}. */
    public static ProtectorStandIn start() {
        return start(KEY);
    }

    public static ProtectorStandIn start(String key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ProtectorStandIn standIn = new ProtectorStandIn(server, key);
            server.createContext("/v1/check", standIn::check);
            server.createContext("/v1/challenge/verify", standIn::verify);
            server.setExecutor(standIn.executor);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Check requests received, answered or not. */
    public int calls() {
        return requests.size();
    }

    public Map<String, Object> lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public List<Map<String, Object>> requests() {
        return List.copyOf(requests);
    }

    public void answer(String action, long ttl, String reason, String decisionId) {
        behaviour = Behaviour.answer(action, ttl, reason, decisionId);
    }

    /** A block answer for a stored decision (docs/contracts.md C2). */
    public void answerBlock(String scope, long blockUntil) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", "block");
        answer.put("ttl", 0);
        answer.put("reason", scope + " on blocklist");
        answer.put("decisionId", "d-" + scope);
        answer.put("blockScope", scope);
        answer.put("blockUntil", blockUntil);
        behaviour = new Behaviour(200, write(answer), false);
    }

    /** Verify requests received. */
    public int verifyCalls() {
        return verifyCalls.get();
    }

    public void failWith(int status) {
        behaviour = new Behaviour(status, "{\"error\":\"internal\",\"detail\":\"stand-in failure\"}", false);
    }

    /** From now on, requests are held open, unanswered, until the stand-in closes. */
    public void hang() {
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
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
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

    private void verify(HttpExchange exchange) throws IOException {
        try (exchange) {
            verifyCalls.incrementAndGet();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
            Behaviour now = behaviour;
            if (now.hang) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            if (now.status != 200) {
                send(exchange, now.status, now.body);
                return;
            }
            send(exchange, 200, write(Map.of("ok", true, "sessionId", body.get("sessionId"),
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

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            return new Behaviour(200, write(answer), false);
        }
    }
}
