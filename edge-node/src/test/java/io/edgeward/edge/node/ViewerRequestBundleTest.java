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

    @Test
    void a_cookie_carried_block_holds_while_protector_is_down() {
        protector.answersBlock("session", epochSeconds() + 3600);
        Map<String, Object> blocked = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        String cookie = cookiePair(header(blocked, "set-cookie"));
        int calls = protector.calls();
        protector.close();

        Map<String, Object> again = bundle.invoke(EdgeFixtures.viewerRequest("/products/1", BROWSER, cookie));

        assertThat(claims(cookie)).containsEntry("bs", "session").containsKey("bu");
        assertThat(header(again, "x-edgeward-action")).isEqualTo("block");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @Test
    void the_block_cache_holds_a_blocked_address_without_a_call() {
        protector.answersBlock("ip", epochSeconds() + 3600);
        bundle.invoke(EdgeFixtures.viewerRequest("/", "curl/8.5.0", null));
        protector.answers("allow");

        Map<String, Object> disguised = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(header(disguised, "x-edgeward-action")).isEqualTo("block");
        assertThat(protector.calls()).isEqualTo(1);
        assertThat(claims(cookiePair(header(disguised, "set-cookie")))).containsEntry("bs", "ip")
                .containsEntry("ba", "203.0.113.178");
    }

    @Test
    void verify_never_lifts_a_cookie_carried_block() {
        protector.answersBlock("session", epochSeconds() + 3600);
        String cookie = cookiePair(header(bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)),
                "set-cookie"));

        Map<String, Object> verify = bundle.invoke(verifyRequest(cookie));

        assertThat(header(verify, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(verify, "set-cookie")).isNull();
        assertThat(protector.verifyCalls()).isZero();
    }

    @Test
    void a_passed_challenge_counts_one_pass_in_the_cookie_and_the_next_check() {
        String cookie = cookiePair(header(bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)),
                "x-edgeward-set-cookie"));

        Map<String, Object> passed = bundle.invoke(verifyRequest(cookie));

        assertThat(passed.get("status")).isEqualTo("303");
        Map<String, Object> claims = claims(cookiePair(header(passed, "set-cookie")));
        assertThat(claims).containsEntry("cpn", 1).containsKey("cpa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/products/3;.css", "/products/3%3B.css", "//products/3.css", "/x/../products/3.css"})
    void a_page_dressed_as_an_excluded_asset_is_checked_with_its_normalised_path(String rawPath) {
        protector.answers("block");

        Map<String, Object> response = bundle.invoke(EdgeFixtures.viewerRequest(rawPath, BROWSER, null));

        assertThat(header(response, "x-edgeward-action")).isEqualTo("block");
        assertThat(protector.lastBody()).contains("\"path\":\"/products/3", "\"rawPath\":")
                .contains("\"headerNames\":\"host,user-agent,accept\"");
    }

    @Test
    void robots_txt_reaches_a_blocked_address_unchecked() {
        protector.answersBlock("ip", epochSeconds() + 3600);
        bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        Map<String, Object> robots = bundle.invoke(EdgeFixtures.viewerRequest("/robots.txt", BROWSER, null));

        assertThat(robots).doesNotContainKey("status").containsEntry("uri", "/robots.txt");
        assertThat(RequestMark.parse(header(robots, "x-edgeward-mark")).reason()).isEqualTo("always-served");
        assertThat(protector.calls()).isEqualTo(1);
    }

    @Test
    void both_bundles_stay_under_100_kb_zipped() throws Exception {
        for (String name : List.of("viewer-request", "log-shipper")) {
            byte[] index = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("target", "lambda-edge", name,
                    "index.js"));
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("index.js"));
                zip.write(index);
                zip.closeEntry();
            }

            assertThat(zipped.size()).as(name + " zipped bytes").isLessThan(100 * 1024);
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** The claims of a session cookie ({@code name=jws}), read without verifying: the bundle signed it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String cookiePair) {
        String jws = cookiePair.substring(cookiePair.indexOf('=') + 1);
        String payload = jws.substring(jws.indexOf('.') + 1, jws.lastIndexOf('.'));
        try {
            return NodeBundle.JSON.readValue(java.util.Base64.getUrlDecoder().decode(payload), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A browser posting a solved challenge to the verify path, with the body CloudFront includes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> verifyRequest(String cookie) {
        Map<String, Object> event = EdgeFixtures.viewerRequest("/.edgeward/challenge/verify", BROWSER, cookie);
        Map<String, Object> request = EdgeFixtures.request(event);
        request.put("method", "POST");
        Map<String, Object> headers = (Map<String, Object>) request.get("headers");
        headers.put("content-type", List.of(Map.of("key", "Content-Type",
                "value", "application/x-www-form-urlencoded")));
        headers.put("accept", List.of(Map.of("key", "Accept", "value", "text/html")));
        request.put("body", Map.of("inputTruncated", false, "action", "read-only", "encoding", "base64",
                "data", java.util.Base64.getEncoder().encodeToString(
                        "token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&answer=42".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return event;
    }
}
