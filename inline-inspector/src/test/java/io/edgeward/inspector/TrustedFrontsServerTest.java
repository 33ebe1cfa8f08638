package io.edgeward.inspector;

import static io.edgeward.inspector.InspectorServerTest.BROWSER_UA;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trusted fronts on a real server bound to 127.0.0.1: a front whose ranges hold 127.0.0.0/8 plays the CDN this test
 * connects through; the shipped CloudFront and Cloudflare ranges never hold the loopback, so with only those the
 * test client is an outsider.
 */
class TrustedFrontsServerTest {

    static final String METRICS_TOKEN = "metrics-token-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();
    private StandIns.Server origin;
    private StandIns.Server protector;
    private StandIns.Server ingest;
    private InspectorServer inspector;

    @BeforeEach
    void start() throws Exception {
        origin = new StandIns.Server(r -> new StandIns.Reply(200, Map.of("Content-Type", "text/html"), "<h1>shop</h1>"));
        protector = new StandIns.Server(r -> StandIns.Reply.json(200,
                "{\"action\":\"allow\",\"ttl\":60,\"reason\":\"test\",\"decisionId\":null}"));
        ingest = new StandIns.Server(r -> StandIns.Reply.json(202, "{\"accepted\":1}"));
    }

    private void startInspector(Map<String, String> fronts) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGEWARD_INSPECTOR_BIND", "127.0.0.1");
        env.put("EDGEWARD_INSPECTOR_PORT", "0");
        env.put("EDGEWARD_INSPECTOR_ORIGIN", origin.url());
        env.put("EDGEWARD_ORIGIN_TIMEOUT", "PT2S");
        env.put("EDGEWARD_PROTECTOR_URL", protector.url());
        env.put("EDGEWARD_PROTECTOR_TIMEOUT", "PT5S");
        env.put("EDGEWARD_INGEST_URL", ingest.url());
        env.put("EDGEWARD_EDGE_KEY", InspectorServerTest.EDGE_KEY);
        env.put("EDGEWARD_INGEST_KEY", InspectorServerTest.INGEST_KEY);
        env.put("EDGEWARD_COOKIE_KEYS", InspectorServerTest.COOKIE_KEYS);
        env.put("EDGEWARD_INSPECTOR_METRICS_TOKEN", METRICS_TOKEN);
        env.putAll(fronts);
        inspector = new InspectorServer(InspectorConfig.fromEnvironment(env));
        inspector.start();
    }

    @AfterEach
    void stop() {
        if (inspector != null) {
            inspector.close();
        }
        origin.close();
        protector.close();
        ingest.close();
    }

    @Test
    void a_spoofed_client_address_from_outside_the_ranges_is_refused_counted_and_never_reaches_the_origin()
            throws Exception {
        startInspector(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudfront,cloudflare"));

        HttpResponse<String> response = send(browser("/products/7").header("CF-Connecting-IP", "198.51.100.7")
                .header("CloudFront-Viewer-Address", "198.51.100.7:443"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"untrusted_peer\"");
        assertThat(origin.received).isEmpty();
        assertThat(protector.received).isEmpty();
        assertThat(scrape()).contains("edgeward_inspector_peers_total{front=\"untrusted\",outcome=\"refused\"} 1.0");
    }

    @Test
    void a_front_peer_has_its_own_header_believed_and_another_fronts_header_never_reaches_the_application()
            throws Exception {
        startInspector(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudfront,edge",
                "EDGEWARD_FRONT_EDGE_HEADER", "CF-Connecting-IP", "EDGEWARD_FRONT_EDGE_RANGES", "127.0.0.0/8"));

        HttpResponse<String> response = send(browser("/products/7").header("CF-Connecting-IP", "198.51.100.7")
                .header("CloudFront-Viewer-Address", "192.0.2.99:443").header("CloudFront-Viewer-Country", "FR")
                .header("True-Client-IP", "192.0.2.98"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(protector.received.get(0).body()).contains("\"clientIp\":\"198.51.100.7\"")
                .doesNotContain("192.0.2.99").doesNotContain("\"FR\"");
        assertThat(origin.received.get(0).headers()).containsEntry("cf-connecting-ip", "198.51.100.7")
                .doesNotContainKeys("cloudfront-viewer-address", "cloudfront-viewer-country", "true-client-ip");
        assertThat(scrape()).contains("edgeward_inspector_peers_total{front=\"edge\",outcome=\"trusted\"} 1.0");
    }

    @Test
    void a_malformed_header_from_a_front_leaves_the_peer_as_the_client() throws Exception {
        startInspector(Map.of("EDGEWARD_TRUSTED_FRONTS", "edge",
                "EDGEWARD_FRONT_EDGE_HEADER", "CF-Connecting-IP", "EDGEWARD_FRONT_EDGE_RANGES", "127.0.0.0/8"));

        HttpResponse<String> response = send(browser("/").header("CF-Connecting-IP", "198.51.100.7, 192.0.2.1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(protector.received.get(0).body()).contains("\"clientIp\":\"127.0.0.1\"");
        assertThat(origin.received.get(0).headers()).doesNotContainKey("cf-connecting-ip");
        assertThat(scrape()).contains("outcome=\"header_invalid\"");
    }

    @Test
    void in_passthrough_mode_an_outsider_is_served_as_its_own_address() throws Exception {
        startInspector(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare", "EDGEWARD_UNTRUSTED_PEERS", "peer"));

        HttpResponse<String> response = send(browser("/").header("CF-Connecting-IP", "198.51.100.7"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(protector.received.get(0).body()).contains("\"clientIp\":\"127.0.0.1\"")
                .doesNotContain("198.51.100.7");
        assertThat(origin.received.get(0).headers()).doesNotContainKey("cf-connecting-ip");
        assertThat(scrape()).contains("edgeward_inspector_peers_total{front=\"untrusted\",outcome=\"passed_as_peer\"} 1.0");
    }

    @Test
    void the_origin_secret_is_still_required_from_a_trusted_front() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("EDGEWARD_TRUSTED_FRONTS", "edge",
                "EDGEWARD_FRONT_EDGE_HEADER", "CloudFront-Viewer-Address", "EDGEWARD_FRONT_EDGE_RANGES", "127.0.0.0/8"));
        env.put("EDGEWARD_ORIGIN_SECRET", InspectorServerTest.SECRET);
        startInspector(env);

        HttpResponse<String> without = send(browser("/").header("CloudFront-Viewer-Address", "198.51.100.7:443"));
        HttpResponse<String> with = send(browser("/").header("CloudFront-Viewer-Address", "198.51.100.7:443")
                .header(InspectorServer.ORIGIN_SECRET_HEADER, InspectorServerTest.SECRET));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("\"error\":\"forbidden\"");
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(protector.received).hasSize(1);
        assertThat(protector.received.get(0).body()).contains("\"clientIp\":\"198.51.100.7\"");
    }

    @Test
    void metrics_need_the_token_and_health_answers_any_peer() throws Exception {
        startInspector(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare"));

        assertThat(send(HttpRequest.newBuilder(uri(InspectorServer.METRICS_PATH))).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(InspectorServer.METRICS_PATH))
                .header("Authorization", "Bearer " + METRICS_TOKEN + "x")).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri(InspectorServer.HEALTH_PATH))).statusCode()).isEqualTo(200);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(InspectorServer.METRICS_PATH))
                .header("Authorization", "Bearer " + METRICS_TOKEN));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpRequest.Builder browser(String path) {
        return HttpRequest.newBuilder(uri(path)).header("User-Agent", BROWSER_UA).header("Accept", "text/html")
                .header("Accept-Language", "en").header("Sec-Fetch-Mode", "navigate");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + inspector.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
