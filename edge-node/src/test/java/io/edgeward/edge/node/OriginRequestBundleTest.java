package io.edgeward.edge.node;

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

/**
 * The origin-request bundle under node, called as Lambda calls it with the real AWS origin-request event, completed
 * as CloudFront completes it after the viewer-request bundle ran (its marks, the viewer's User-Agent and Accept with
 * the "all-viewer" origin request policy, and the CloudFront-Viewer-* headers), against a real HTTP Protector
 * stand-in.
 */
class OriginRequestBundleTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";
    private static final String JA4 = "t13d1516h2_8daaf6152771_02713d6af862";

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private NodeBundle viewerRequest;
    private NodeBundle originRequest;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        Map<String, Object> config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        viewerRequest = NodeBundle.start("viewer-request", config, dir);
    }

    @AfterEach
    void stop() {
        viewerRequest.close();
        if (originRequest != null) {
            originRequest.close();
        }
        protector.close();
        ingest.close();
    }

    @Test
    void a_ja4_block_is_enforced_at_origin_request_and_logged() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        protector.answers("block");

        Map<String, Object> response = originBundle("PT5S").invoke(event);

        assertThat(response.get("status")).isEqualTo("403");
        assertThat(header(response, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(response, "cache-control")).isEqualTo("no-store");
        assertThat(header(response, "set-cookie")).startsWith("__Host-ew=");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(ingest.records()).isNotEmpty());
        assertThat(ingest.records().get(0)).containsEntry("action", "block").containsEntry("ja4", JA4)
                .containsEntry("clientIp", "203.0.113.178");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_check_names_the_scopes_and_carries_the_viewer_request_session() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        String sessionId = RequestMark.parse(header(EdgeFixtures.request(event), "x-edgeward-mark")).sessionId();

        originBundle("PT5S").invoke(event);

        Map<String, Object> check = NodeBundle.JSON.readValue(protector.lastBody(), Map.class);
        assertThat((List<String>) check.get("scopes")).containsExactly("ja4", "ja3", "country", "asn");
        assertThat(check).containsEntry("ja4", JA4).containsEntry("country", "DE").containsEntry("asn", "64500")
                .containsEntry("sessionId", sessionId).containsEntry("cookieState", "none");
    }

    @Test
    void an_allow_answer_returns_the_request_with_its_origin_and_marks_untouched() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        Map<String, Object> original = NodeBundle.JSON.convertValue(EdgeFixtures.request(event), Map.class);

        Map<String, Object> request = originBundle("PT5S").invoke(event);

        assertThat(request).isEqualTo(original);
    }

    @Test
    void the_real_event_without_cloudfront_viewer_headers_passes_unchanged_without_a_call() {
        Map<String, Object> event = EdgeFixtures.event("awsdocs_origin-request.json");

        Map<String, Object> request = originBundle("PT5S").invoke(event);

        assertThat(request).isEqualTo(EdgeFixtures.request(EdgeFixtures.event("awsdocs_origin-request.json")));
        assertThat(protector.calls()).isZero();
    }

    @Test
    void a_hanging_protector_fails_open_with_the_request_as_received() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        Map<String, Object> original = NodeBundle.JSON.convertValue(EdgeFixtures.request(event), Map.class);
        protector.hangs();

        Map<String, Object> request = originBundle("PT0.2S").invoke(event);

        assertThat(request).isEqualTo(original);
    }

    private NodeBundle originBundle(String timeout) {
        originRequest = NodeBundle.start("origin-request",
                EdgeFixtures.config(protector.url(), ingest.url(), timeout), dir);
        return originRequest;
    }

    /** The viewer-request bundle forwards the AWS viewer-request sample; CloudFront then sends this origin request. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> originRequestAfterViewerRequest() {
        Map<String, Object> forwarded = viewerRequest.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        Map<String, Object> event = EdgeFixtures.event("awsdocs_origin-request.json");
        Map<String, Object> headers = (Map<String, Object>) EdgeFixtures.request(event).get("headers");
        put(headers, "User-Agent", BROWSER);
        put(headers, "Accept", "text/html");
        put(headers, "X-Edgeward-Mark", header(forwarded, "x-edgeward-mark"));
        put(headers, "X-Edgeward-Set-Cookie", header(forwarded, "x-edgeward-set-cookie"));
        put(headers, "CloudFront-Viewer-JA4-Fingerprint", JA4);
        put(headers, "CloudFront-Viewer-Country", "DE");
        put(headers, "CloudFront-Viewer-ASN", "64500");
        return event;
    }

    private static void put(Map<String, Object> headers, String key, String value) {
        headers.put(key.toLowerCase(java.util.Locale.ROOT), List.of(Map.of("key", key, "value", value)));
    }
}
