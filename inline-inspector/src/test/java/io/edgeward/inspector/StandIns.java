package io.edgeward.inspector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server standing in for the application origin, recording what it receives. (Protector and ingest
 * stand-ins are test-support's; the real services are tested in their modules and end to end in local/.)
 */
public final class StandIns {

    /** One received request: method, path with query, lower-case headers (first value), body text. */
    public record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {
    }

    public static final class Server implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        public Server(Function<Received, Reply> reply) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> handle(exchange, reply));
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange, Function<Received, Reply> reply) throws IOException {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
                in = new GZIPInputStream(in);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            String query = exchange.getRequestURI().getRawQuery();
            Received request = new Received(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), headers,
                    body.toString(StandardCharsets.UTF_8));
            received.add(request);
            Reply answer = reply.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private StandIns() {
    }
}
