package io.edgeward.edge.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.edgeward.edge.core.port.HttpCallback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JavaNetEdgeHttpTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final JavaNetEdgeHttp http = new JavaNetEdgeHttp(Duration.ofSeconds(1));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/echo", exchange -> {
            byte[] body = ("{\"auth\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\",\"body\":"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void any_status_arrives_as_a_response_with_its_body() throws Exception {
        Outcome outcome = post(url("/echo"), 5000);

        assertThat(outcome.get()).isEqualTo("500 {\"auth\":\"Bearer k\",\"body\":{\"a\":1}}");
    }

    @Test
    void a_hanging_server_is_a_timeout_failure() throws Exception {
        assertThat(post(url("/hang"), 200).get()).isEqualTo("failure timeout");
    }

    @Test
    void a_refused_connection_is_a_failure() throws Exception {
        String url = url("/echo");
        server.stop(0);

        assertThat(post(url, 2000).get()).startsWith("failure ");
    }

    @Test
    void a_bad_url_is_a_failure_not_an_exception() throws Exception {
        assertThat(post("not a url", 200).get()).startsWith("failure ");
        assertThat(post("ftp://127.0.0.1/x", 200).get()).startsWith("failure ");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Outcome post(String url, int timeoutMillis) {
        Outcome outcome = new Outcome();
        http.post(url, Map.of("Authorization", "Bearer k"), "{\"a\":1}", timeoutMillis, outcome);
        return outcome;
    }

    private static final class Outcome implements HttpCallback {
        private final CompletableFuture<String> result = new CompletableFuture<>();

        @Override
        public void onResponse(int status, String body) {
            result.complete(status + " " + body);
        }

        @Override
        public void onFailure(String reason) {
            result.complete("failure " + reason);
        }

        String get() throws Exception {
            return result.get(20, TimeUnit.SECONDS);
        }
    }
}
