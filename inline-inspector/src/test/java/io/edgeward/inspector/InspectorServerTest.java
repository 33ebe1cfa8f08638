package io.edgeward.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import io.edgeward.testing.IngestStandIn;
import io.edgeward.testing.ProtectorStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorServerTest {

    static final String SECRET = "origin-secret-0123456789abcdef";
    static final String EDGE_KEY = "edge-key-0123456789abcdefghijklmnopqrstuv";
    static final String INGEST_KEY = "ingest-key-0123456789abcdefghijklmnopqrstu";
    static final String COOKIE_KEYS = "{\"signingKey\":\"k1\",\"k1\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}";
    static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36";

    private final HttpClient http = HttpClient.newHttpClient();
    private StandIns.Server origin;
    private ProtectorStandIn protector;
    private IngestStandIn ingest;
    private InspectorServer inspector;

    @BeforeEach
    void start() throws Exception {
        origin = new StandIns.Server(r -> r.pathAndQuery().startsWith("/missing")
                ? new StandIns.Reply(404, Map.of("Content-Type", "text/plain"), "not here")
                : new StandIns.Reply(200, Map.of("Content-Type", "text/html", "X-Origin", "shop"), "<h1>shop</h1>"));
        protector = ProtectorStandIn.start(EDGE_KEY);
        protector.answer("allow", 60, "test", null);
        ingest = IngestStandIn.start(INGEST_KEY);
        inspector = started(protector.url(), origin.url());
    }

    private InspectorServer started(String protectorUrl, String originUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGEWARD_INSPECTOR_BIND", "127.0.0.1");
        env.put("EDGEWARD_INSPECTOR_PORT", "0");
        env.put("EDGEWARD_INSPECTOR_ORIGIN", originUrl);
        env.put("EDGEWARD_ORIGIN_SECRET", SECRET);
        env.put("EDGEWARD_ORIGIN_TIMEOUT", "PT2S");
        env.put("EDGEWARD_PROTECTOR_URL", protectorUrl);
        // Generous: a busy machine must not make the policy fail open in tests that expect its answer.
        env.put("EDGEWARD_PROTECTOR_TIMEOUT", "PT5S");
        env.put("EDGEWARD_INGEST_URL", ingest.url());
        env.put("EDGEWARD_EDGE_KEY", EDGE_KEY + ",old-key");
        env.put("EDGEWARD_INGEST_KEY", INGEST_KEY);
        env.put("EDGEWARD_COOKIE_KEYS", COOKIE_KEYS);
        InspectorServer server = new InspectorServer(InspectorConfig.fromEnvironment(env));
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        inspector.close();
        origin.close();
        protector.close();
        ingest.close();
    }

    @Test
    void health_answers_without_the_origin_secret() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/.edgeward/health")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ok");
    }

    @Test
    void request_without_the_origin_secret_is_refused_and_never_reaches_the_origin() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products/7"))
                .header("CloudFront-Viewer-Address", "198.51.100.7:443"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/products/7"))
                .header("x-edgeward-origin-secret", "origin-secret-0123456789abcdeX")
                .header("CloudFront-Viewer-Address", "198.51.100.7:443"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(origin.received).isEmpty();
    }

    @Test
    void allowed_request_is_proxied_with_the_viewer_address_checked_and_the_secret_stripped() throws Exception {
        HttpResponse<String> response = send(fromCloudFront("/products/7?q=shoes"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>shop</h1>");
        assertThat(response.headers().firstValue("x-origin")).hasValue("shop");
        assertThat(protector.calls()).isEqualTo(1);
        assertThat(protector.lastRequest()).containsEntry("clientIp", "198.51.100.7")
                .containsEntry("path", "/products/7")
                .containsEntry("_authorization", "Bearer " + EDGE_KEY);
        StandIns.Received proxied = origin.received.get(0);
        assertThat(proxied.pathAndQuery()).isEqualTo("/products/7?q=shoes");
        assertThat(proxied.headers()).doesNotContainKey("x-edgeward-origin-secret");
        assertThat(proxied.headers().get("user-agent")).isEqualTo(BROWSER_UA);
    }

    @Test
    void blocked_visitor_gets_the_generated_block_and_the_origin_is_not_called() throws Exception {
        protector.answer("block", 60, "test", null);
        HttpResponse<String> response = send(fromCloudFront("/products/7"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(origin.received).isEmpty();
    }

    @Test
    void every_proxied_request_is_logged_to_ingest_with_the_viewer_address() throws Exception {
        send(fromCloudFront("/products/7"));
        send(fromCloudFront("/missing/.env"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            inspector.flushDue();
            String shipped = String.join("\n", ingest.bodies());
            assertThat(shipped).contains("\"path\":\"/products/7\"").contains("\"path\":\"/missing/.env\"")
                    .contains("\"status\":404").contains("\"clientIp\":\"198.51.100.7\"");
        });
        assertThat(ingest.authorizations().get(0)).isEqualTo("Bearer " + INGEST_KEY);
    }

    @Test
    void protector_unreachable_fails_open_and_the_request_is_served() throws Exception {
        inspector.close();
        inspector = started("http://127.0.0.1:9", origin.url());
        HttpResponse<String> response = send(fromCloudFront("/products/7"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>shop</h1>");
    }

    @Test
    void unreachable_origin_answers_502_so_cloudfront_fails_over() throws Exception {
        inspector.close();
        inspector = started(protector.url(), "http://127.0.0.1:9");
        HttpResponse<String> response = send(fromCloudFront("/products/7"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"error\":\"origin_unreachable\"");
    }

    private HttpRequest.Builder fromCloudFront(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("x-edgeward-origin-secret", SECRET)
                .header("CloudFront-Viewer-Address", "198.51.100.7:51234")
                .header("User-Agent", BROWSER_UA)
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .header("Sec-Fetch-Mode", "navigate");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + inspector.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
