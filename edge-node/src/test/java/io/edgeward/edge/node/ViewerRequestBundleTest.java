package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.cookiePair;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.mark.RequestMark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The viewer-request bundle under node, called as Lambda calls it, against a real HTTP Protector stand-in. */
class ViewerRequestBundleTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private NodeBundle bundle;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        bundle = NodeBundle.start("viewer-request", EdgeFixtures.config(protector.url(), ingest.url(), "PT5S"), dir);
    }

    @AfterEach
    void stop() {
        bundle.close();
        protector.close();
        ingest.close();
    }

    @Test
    void first_visit_is_checked_and_gets_a_session_cookie() {
        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(header(request, "x-edgeward-set-cookie")).startsWith("__Host-ew=")
                .contains("Secure", "HttpOnly", "SameSite=Lax");
        RequestMark mark = RequestMark.parse(header(request, "x-edgeward-mark"));
        assertThat(mark.action()).isEqualTo("allow");
        assertThat(mark.cookieState()).isEqualTo("none");
    }

    @Test
    void return_visit_with_a_fresh_cookie_makes_no_protector_call() {
        Map<String, Object> first = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        String cookie = cookiePair(header(first, "x-edgeward-set-cookie"));

        Map<String, Object> second = bundle.invoke(EdgeFixtures.viewerRequest("/products/1", BROWSER, cookie));

        assertThat(protector.calls()).isEqualTo(1);
        assertThat(RequestMark.parse(header(second, "x-edgeward-mark")).cookieState()).isEqualTo("valid");
    }

    @Test
    void a_cookie_presented_by_another_user_agent_counts_as_no_cookie() {
        Map<String, Object> first = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        String cookie = cookiePair(header(first, "x-edgeward-set-cookie"));

        Map<String, Object> stolen = bundle.invoke(EdgeFixtures.viewerRequest("/", "python-requests/2.32", cookie));

        assertThat(protector.calls()).isEqualTo(2);
        assertThat(RequestMark.parse(header(stolen, "x-edgeward-mark")).cookieState()).isEqualTo("unbound");
    }

    @Test
    void a_tampered_cookie_counts_as_no_cookie() {
        Map<String, Object> first = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        String cookie = cookiePair(header(first, "x-edgeward-set-cookie"));
        String tampered = cookie.substring(0, cookie.length() - 3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, tampered));

        assertThat(protector.calls()).isEqualTo(2);
        assertThat(RequestMark.parse(header(request, "x-edgeward-mark")).cookieState()).isEqualTo("tampered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"block", "challenge"})
    void block_and_challenge_answers_become_generated_responses(String action) {
        protector.answers(action);

        Map<String, Object> response = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(response).containsKey("status");
        assertThat(header(response, "x-edgeward-action")).isEqualTo(action);
        assertThat(header(response, "cache-control")).isEqualTo("no-store");
    }

    @Test
    void generated_responses_are_logged_by_the_viewer_request_function() {
        protector.answers("block");

        bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        bundle.invoke(EdgeFixtures.viewerRequest("/again", BROWSER, null));

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(ingest.records()).isNotEmpty());
        assertThat(ingest.records().get(0)).containsEntry("source", "edge-viewer-request")
                .containsEntry("action", "block").containsEntry("clientIp", "203.0.113.178");
    }

    @Test
    void inject_mode_passes_the_decision_to_the_origin_and_never_blocks() {
        protector.answers("block");

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/api/orders", BROWSER, null));

        assertThat(request).doesNotContainKey("status");
        assertThat(header(request, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(request, "x-edgeward-session")).isNotBlank();
    }

    @Test
    void monitor_mode_never_blocks() {
        protector.answers("block");

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/watch/me", BROWSER, null));

        assertThat(request).doesNotContainKey("status");
        assertThat(RequestMark.parse(header(request, "x-edgeward-mark")).mode()).isEqualTo("monitor");
    }

    @Test
    void protector_errors_fail_open_and_the_breaker_stops_calling() {
        protector.fails(500);

        for (int i = 0; i < 5; i++) {
            Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
            assertThat(request).doesNotContainKey("status").containsEntry("uri", "/");
        }

        assertThat(protector.calls()).isEqualTo(3);
    }

    @Test
    void a_hanging_protector_fails_open_within_the_budget() {
        bundle.close();
        bundle = NodeBundle.start("viewer-request", EdgeFixtures.config(protector.url(), ingest.url(), "PT0.3S"),
                dir);
        protector.hangs();

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(request).doesNotContainKey("status").containsEntry("uri", "/");
        assertThat(RequestMark.parse(header(request, "x-edgeward-mark")).reason()).contains("fail-open");
    }

    @Test
    void an_unreachable_protector_fails_open() throws Exception {
        protector.close();

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(request).doesNotContainKey("status").containsEntry("uri", "/");
    }

    @ParameterizedTest
    @MethodSource("io.edgeward.edge.node.EdgeFixtures#viewerRequestSamples")
    void aws_documentation_events_get_a_request_back(String sample) {
        Map<String, Object> request = bundle.invoke(EdgeFixtures.event(sample));

        assertThat(request).containsKeys("uri", "method", "headers");
    }

    @Test
    void malformed_events_resolve_and_never_reject() {
        List<Object> events = List.of(Map.of(), Map.of("Records", List.of()), Map.of("Records", "x"),
                Map.of("Records", List.of(Map.of("cf", Map.of("request", Map.of("headers", "nope"))))),
                Map.of("Records", List.of(Map.of("cf", Map.of("request", Map.of("uri", 7, "headers",
                        Map.of("cookie", List.of(Map.of("value", "__Host-ew=%%%.;;")))))))),
                "not an object", 42);

        for (Object event : events) {
            assertThat(bundle.call(event)).doesNotContainKey("rejected").containsKey("result");
        }
    }

    @Test
    void a_fraction_where_a_whole_number_belongs_passes_requests_through_and_names_the_value() throws Exception {
        Map<String, Object> config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        config.put("challenge", Map.of("provider", "pow", "difficulty", 18.5));

        try (NodeBundle misconfigured = NodeBundle.start("viewer-request", "fraction", config, dir)) {
            Map<String, Object> request = misconfigured.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

            assertThat(request).doesNotContainKey("status");
            assertThat(header(request, "x-edgeward-mark")).as("passed through unchecked").isNull();
        }
        assertThat(protector.calls()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("fraction.stderr.log"))).contains("18.5");
    }

    @Test
    void without_an_ingest_section_blocks_are_still_served_and_the_missing_logging_is_said_once() throws Exception {
        Map<String, Object> config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        config.remove("ingest");
        protector.answers("block");

        try (NodeBundle unlogged = NodeBundle.start("viewer-request", "no-ingest", config, dir)) {
            for (String path : List.of("/a", "/b", "/c")) {
                Map<String, Object> response = unlogged.invoke(EdgeFixtures.viewerRequest(path, BROWSER, null));
                assertThat(header(response, "x-edgeward-action")).isEqualTo("block");
            }
        }
        String stderr = java.nio.file.Files.readString(dir.resolve("no-ingest.stderr.log"));
        assertThat(stderr.split("generated responses are not logged", -1)).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cloudfront_headers_a_viewer_sent_reach_neither_protector_nor_the_origin() {
        Map<String, Object> event = EdgeFixtures.viewerRequest("/", BROWSER, null);
        Map<String, Object> headers = (Map<String, Object>) EdgeFixtures.request(event).get("headers");
        headers.put("cloudfront-viewer-country", List.of(Map.of("key", "CloudFront-Viewer-Country", "value", "AQ")));
        headers.put("cloudfront-viewer-asn", List.of(Map.of("key", "CloudFront-Viewer-ASN", "value", "16509")));

        Map<String, Object> request = bundle.invoke(event);

        assertThat(protector.lastBody()).contains("\"clientIp\"").doesNotContain("AQ", "16509");
        assertThat(header(request, "cloudfront-viewer-country")).isNull();
        assertThat(header(request, "cloudfront-viewer-asn")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void failing_open_still_drops_the_marks_a_viewer_sent() throws Exception {
        Map<String, Object> config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        config.put("mode", "no-such-mode");
        Map<String, Object> event = EdgeFixtures.viewerRequest("/", BROWSER, null);
        Map<String, Object> headers = (Map<String, Object>) EdgeFixtures.request(event).get("headers");
        headers.put("x-edgeward-action", List.of(Map.of("key", "X-Edgeward-Action", "value", "allow")));

        try (NodeBundle misconfigured = NodeBundle.start("viewer-request", "bad-mode", config, dir)) {
            Map<String, Object> request = misconfigured.invoke(event);

            assertThat(header(request, "x-edgeward-action")).isNull();
            assertThat(header(request, "user-agent")).isEqualTo(BROWSER);
        }
    }
}
