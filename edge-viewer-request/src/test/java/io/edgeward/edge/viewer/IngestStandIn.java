package io.edgeward.edge.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An ingest stand-in on loopback: {@code POST /v1/logs} NDJSON, answers 202, keeps the records and the key used. */
final class IngestStandIn implements AutoCloseable {

    private final HttpServer server;
    final List<JsonNode> records = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private IngestStandIn(HttpServer server) {
        this.server = server;
    }

    static IngestStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        IngestStandIn standIn = new IngestStandIn(server);
        server.createContext("/v1/logs", standIn::logs);
        server.start();
        return standIn;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void logs(HttpExchange exchange) throws IOException {
        try (exchange) {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    records.add(Events.JSON.readTree(line));
                }
            }
            byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
