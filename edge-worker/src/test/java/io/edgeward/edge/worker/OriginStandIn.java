package io.edgeward.edge.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real origin: answers every request with a small page (404 under /missing) and keeps what it was sent. */
final class OriginStandIn implements AutoCloseable {

    static final String SERVED_BY = "x-served-by";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private OriginStandIn(HttpServer server) {
        this.server = server;
    }

    /** One request as the origin saw it: path with query, and headers by lowercase name (first value). */
    record Received(String method, String uri, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    static OriginStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OriginStandIn origin = new OriginStandIn(server);
        server.createContext("/", origin::serve);
        server.start();
        return origin;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    private void serve(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers));
        int status = exchange.getRequestURI().getPath().startsWith("/missing") ? 404 : 200;
        byte[] body = "<html><body>origin</body></html>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.getResponseHeaders().set(SERVED_BY, "origin");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
