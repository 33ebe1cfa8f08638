package io.edgeward.edge.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server speaking ingest's {@code POST /v1/logs} contract (NDJSON in, 202 out), keeping what it got. */
public final class FakeIngest implements AutoCloseable {

    public static final String KEY = "ingest-key-for-node-tests";

    private final HttpServer server;
    private final List<Map<String, Object>> records = new CopyOnWriteArrayList<>();

    private FakeIngest(HttpServer server) {
        this.server = server;
    }

    public static FakeIngest start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeIngest fake = new FakeIngest(server);
        server.createContext("/v1/logs", fake::logs);
        server.start();
        return fake;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Map<String, Object>> records() {
        return records;
    }

    @SuppressWarnings("unchecked")
    private void logs(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 401;
        if (("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    records.add(NodeBundle.JSON.readValue(line, Map.class));
                }
            }
            status = 202;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
