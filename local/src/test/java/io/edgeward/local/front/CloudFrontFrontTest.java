package io.edgeward.local.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.local.origin.DemoOrigin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The front against the real demo origin, with scripted edge functions standing in for the Edgeward ones. */
class CloudFrontFrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoOrigin origin;
    private static CloudFrontFront front;
    private static final ScriptedHandler viewerRequest = new ScriptedHandler();
    private static final ScriptedHandler originRequest = new ScriptedHandler();
    private static final ScriptedHandler shipper = new ScriptedHandler();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        origin = DemoOrigin.start("127.0.0.1", 0);
        FrontConfig config = FrontConfig.of(0, URI.create("http://127.0.0.1:" + origin.port()))
                .withTrustForwardedFor(true).withDefaultCountry("DE");
        front = CloudFrontFront.start(config, viewerRequest, originRequest, shipper, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        front.close();
        origin.close();
    }

    @BeforeEach
    void reset() {
        viewerRequest.events.clear();
        originRequest.events.clear();
        shipper.events.clear();
        viewerRequest.answer(ScriptedHandler::passThrough);
        originRequest.answer(ScriptedHandler::passThrough);
        shipper.answer(ScriptedHandler::passThrough);
    }

    @Test
    void viewer_request_event_has_cloudfront_shape() throws Exception {
        send(HttpRequest.newBuilder(url("/search?q=shoes&page=2")).header("User-Agent", "test-agent/1.0")
                .header("X-Test-Ja4", "t13d1516h2_8daaf6152771_02713d6af862").header("X-Forwarded-For", "203.0.113.9")
                .GET());

        JsonNode cf = ScriptedHandler.cf(viewerRequest.events.get(0));
        assertThat(cf.at("/config/eventType").asText()).isEqualTo("viewer-request");
        assertThat(cf.at("/config/requestId").asText()).hasSize(56);
        JsonNode request = cf.get("request");
        assertThat(request.get("clientIp").asText()).isEqualTo("203.0.113.9");
        assertThat(request.get("method").asText()).isEqualTo("GET");
        assertThat(request.get("uri").asText()).isEqualTo("/search");
        assertThat(request.get("querystring").asText()).isEqualTo("q=shoes&page=2");
        assertThat(request.at("/headers/user-agent/0/key").asText()).isEqualTo("User-Agent");
        assertThat(request.at("/headers/user-agent/0/value").asText()).isEqualTo("test-agent/1.0");
        assertThat(request.has("body")).isFalse();
        assertThat(request.get("headers").has("x-test-ja4")).isFalse();
    }

    @Test
    void cloudfront_viewer_headers_appear_only_after_viewer_request_as_cloudfront_adds_them() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo-headers")).header("X-Test-Ja4",
                "t13d1516h2_8daaf6152771_02713d6af862").header("X-Test-Asn", "64500")
                .header("CloudFront-Viewer-Country", "AQ").GET());

        JsonNode viewerHeaders = ScriptedHandler.cf(viewerRequest.events.get(0)).at("/request/headers");
        assertThat(viewerHeaders.has("cloudfront-viewer-country")).as("a viewer's own is dropped").isFalse();
        assertThat(viewerHeaders.has("cloudfront-viewer-ja4-fingerprint")).isFalse();
        JsonNode origin = ScriptedHandler.cf(originRequest.events.get(0));
        assertThat(origin.at("/config/eventType").asText()).isEqualTo("origin-request");
        assertThat(origin.at("/request/headers/cloudfront-viewer-country/0/value").asText()).isEqualTo("DE");
        assertThat(origin.at("/request/headers/cloudfront-viewer-asn/0/value").asText()).isEqualTo("64500");
        assertThat(origin.at("/request/headers/cloudfront-viewer-ja4-fingerprint/0/value").asText())
                .isEqualTo("t13d1516h2_8daaf6152771_02713d6af862");
        assertThat(origin.at("/request/origin/custom/domainName").asText()).isEqualTo("127.0.0.1");
        assertThat(JSON.readTree(response.body()).at("/headers/cloudfront-viewer-ja4-fingerprint").asText())
                .isEqualTo("t13d1516h2_8daaf6152771_02713d6af862");
    }

    @Test
    void origin_request_runs_on_the_miss_only_and_not_on_the_hit() throws Exception {
        String path = "/static/img/4.svg?v=" + System.nanoTime();
        send(HttpRequest.newBuilder(url(path)).GET());
        HttpResponse<String> hit = send(HttpRequest.newBuilder(url(path)).GET());

        assertThat(hit.headers().firstValue("x-cache")).hasValue("Hit from cloudfront");
        assertThat(originRequest.events).hasSize(1);
    }

    @Test
    void an_origin_request_response_skips_the_origin_and_origin_response_and_is_not_cached_when_no_store()
            throws Exception {
        originRequest.answer(cf -> {
            ObjectNode generated = JSON.createObjectNode().put("status", "403").put("statusDescription", "Forbidden")
                    .put("body", "blocked at origin-request");
            ObjectNode headers = generated.putObject("headers");
            headers.putArray("cache-control").addObject().put("key", "Cache-Control").put("value", "no-store");
            headers.putArray("x-edgeward-action").addObject().put("key", "X-Edgeward-Action").put("value", "block");
            return generated;
        });
        String path = "/static/img/5.svg?v=" + System.nanoTime();

        HttpResponse<String> blocked = send(HttpRequest.newBuilder(url(path)).GET());
        originRequest.answer(ScriptedHandler::passThrough);
        HttpResponse<String> next = send(HttpRequest.newBuilder(url(path)).GET());

        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).isEqualTo("blocked at origin-request");
        assertThat(blocked.headers().firstValue("x-cache")).hasValue("LambdaGeneratedResponse from cloudfront");
        assertThat(next.statusCode()).as("another visitor is not served the block from cache").isEqualTo(200);
        assertThat(shipper.eventsOfType("origin-response")).hasSize(1);
    }

    @Test
    void post_body_is_exposed_base64_read_only_and_forwarded_whole() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=shopper%40example.com&password=wrong")));

        JsonNode body = ScriptedHandler.cf(viewerRequest.events.get(0)).at("/request/body");
        assertThat(body.get("action").asText()).isEqualTo("read-only");
        assertThat(body.get("encoding").asText()).isEqualTo("base64");
        assertThat(body.get("inputTruncated").asBoolean()).isFalse();
        assertThat(new String(Base64.getDecoder().decode(body.get("data").asText()), StandardCharsets.UTF_8))
                .isEqualTo("email=shopper%40example.com&password=wrong");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void generated_response_is_served_without_origin_or_response_events() throws Exception {
        viewerRequest.answer(cf -> {
            ObjectNode generated = JSON.createObjectNode().put("status", "403").put("statusDescription", "Forbidden")
                    .put("body", "blocked");
            generated.putObject("headers").putArray("x-edgeward-action").addObject()
                    .put("key", "X-Edgeward-Action").put("value", "block");
            return generated;
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("blocked");
        assertThat(response.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(response.headers().firstValue("x-cache")).hasValue("LambdaGeneratedResponse from cloudfront");
        assertThat(shipper.events).isEmpty();
    }

    @Test
    void headers_added_by_viewer_request_reach_the_origin() throws Exception {
        viewerRequest.answer(cf -> {
            ObjectNode request = (ObjectNode) cf.get("request");
            ((ObjectNode) request.get("headers")).putArray("x-edgeward-action").addObject().put("value", "challenge");
            return request;
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo-headers")).GET());

        assertThat(JSON.readTree(response.body()).at("/headers/x-edgeward-action").asText()).isEqualTo("challenge");
    }

    @Test
    void cacheable_asset_is_a_miss_then_a_hit_and_origin_response_runs_only_on_the_miss() throws Exception {
        String path = "/static/img/3.svg?v=" + System.nanoTime();
        HttpResponse<String> first = send(HttpRequest.newBuilder(url(path)).GET());
        HttpResponse<String> second = send(HttpRequest.newBuilder(url(path)).GET());

        assertThat(first.headers().firstValue("x-cache")).hasValue("Miss from cloudfront");
        assertThat(second.headers().firstValue("x-cache")).hasValue("Hit from cloudfront");
        assertThat(second.body()).isEqualTo(first.body()).contains("<svg");
        assertThat(shipper.eventsOfType("origin-response")).hasSize(1);
        assertThat(shipper.eventsOfType("viewer-response")).hasSize(2);
    }

    @Test
    void error_from_origin_runs_origin_response_but_not_viewer_response() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/no-such-page")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-cache")).hasValue("Error from cloudfront");
        assertThat(shipper.eventsOfType("origin-response")).hasSize(1);
        JsonNode event = ScriptedHandler.cf(shipper.eventsOfType("origin-response").get(0));
        assertThat(event.at("/response/status").asText()).isEqualTo("404");
        assertThat(shipper.eventsOfType("viewer-response")).isEmpty();
    }

    @Test
    void response_headers_set_by_functions_reach_the_viewer() throws Exception {
        shipper.answer(cf -> {
            ObjectNode response = (ObjectNode) cf.get("response");
            String eventType = cf.at("/config/eventType").asText();
            ((ObjectNode) response.get("headers")).putArray("x-" + eventType).addObject().put("value", "seen");
            return response;
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/")).GET());

        assertThat(response.headers().firstValue("x-origin-response")).hasValue("seen");
        assertThat(response.headers().firstValue("x-viewer-response")).hasValue("seen");
    }

    @Test
    void origin_response_may_change_the_status() throws Exception {
        shipper.answer(cf -> {
            JsonNode response = ScriptedHandler.passThrough(cf);
            return cf.at("/config/eventType").asText().equals("origin-response")
                    ? ((ObjectNode) response).put("status", "410") : response;
        });

        assertThat(send(HttpRequest.newBuilder(url("/products/1")).GET()).statusCode()).isEqualTo(410);
    }

    @Test
    void failing_functions_never_stop_the_request() throws Exception {
        viewerRequest.answer(cf -> {
            throw new IllegalStateException("viewer-request exploded");
        });
        shipper.answer(cf -> {
            throw new IllegalStateException("shipper exploded");
        });
        long faultsBefore = front.functionFaults();

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/products/2")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Merino wool socks");
        assertThat(front.functionFaults()).isEqualTo(faultsBefore + 3);
    }

    @Test
    void unusable_function_result_is_ignored() throws Exception {
        viewerRequest.answer(cf -> JSON.createObjectNode().put("uri", "no-leading-slash"));

        assertThat(send(HttpRequest.newBuilder(url("/robots.txt")).GET()).body()).contains("User-agent: *");
    }

    @Test
    void unreachable_origin_gives_502_and_is_seen_by_origin_response() throws Exception {
        FrontConfig config = FrontConfig.of(0, URI.create("http://127.0.0.1:1"));
        try (CloudFrontFront deadEnd = CloudFrontFront.start(config, viewerRequest, shipper, Clock.systemUTC())) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + deadEnd.port() + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(shipper.eventsOfType("origin-response")).hasSize(1);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + front.port() + pathAndQuery);
    }
}
