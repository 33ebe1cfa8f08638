package io.edgeward.edge.viewer;

import static io.edgeward.testing.CloudFrontEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.ProtectorStandIn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The origin-request function on the JVM with the real AWS origin-request event, against a real HTTP Protector
 * stand-in. The event is completed as CloudFront completes it after our viewer-request function ran: the viewer's
 * User-Agent and the function's x-edgeward-* marks (origin request policy "all-viewer"), and the
 * CloudFront-Viewer-* headers CloudFront adds after the viewer-request event.
 */
class OriginRequestHandlerTest {

    private static final String JA4 = "t13d1516h2_8daaf6152771_02713d6af862";

    private ProtectorStandIn protector;
    private HandlerFixture fixture;
    private final List<String> generatedMarks = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        protector = ProtectorStandIn.start();
        fixture = new HandlerFixture();
    }

    @AfterEach
    void stop() {
        protector.close();
    }

    @Test
    void a_ja4_block_is_enforced_at_origin_request_with_the_generated_block_response() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        protector.answer("block", 0, "ja4:blocked", "d-7");

        Map<String, Object> out = run(handler(HandlerFixture.config(protector.url())), event);

        assertThat(out.get("status")).isEqualTo("403");
        assertThat(header(out, "x-edgeward-action")).isEqualTo("block");
        assertThat(header(out, "cache-control")).isEqualTo("no-store");
        assertThat(header(out, "set-cookie")).startsWith("__Host-ew=");
        assertThat(generatedMarks).hasSize(1);
        assertThat(RequestMark.parse(generatedMarks.get(0)).action()).isEqualTo("block");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_check_names_the_scopes_and_carries_cloudfronts_viewer_headers_and_the_session() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        String sessionId = RequestMark.parse(header(CloudFrontEvents.request(event), "x-edgeward-mark")).sessionId();

        run(handler(HandlerFixture.config(protector.url())), event);

        Map<String, Object> check = protector.lastRequest();
        assertThat((List<String>) check.get("scopes")).containsExactly("ja4", "ja3", "country", "asn");
        assertThat(check).containsEntry("ja4", JA4).containsEntry("country", "DE").containsEntry("asn", "64500")
                .containsEntry("clientIp", "203.0.113.178").containsEntry("sessionId", sessionId)
                .containsEntry("cookieState", "none").containsEntry("_authorization", "Bearer " + ProtectorStandIn.KEY);
    }

    @Test
    void an_allow_answer_returns_the_request_with_its_origin_and_marks_untouched() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        Map<String, Object> original = CloudFrontEvents.JSON.convertValue(CloudFrontEvents.request(event), Map.class);

        Map<String, Object> out = run(handler(HandlerFixture.config(protector.url())), event);

        assertThat(out).isEqualTo(original);
    }

    @Test
    void the_real_event_without_cloudfront_viewer_headers_passes_unchanged_without_a_call() throws Exception {
        Map<String, Object> event = CloudFrontEvents.load("awsdocs_origin-request.json");

        Map<String, Object> out = run(handler(HandlerFixture.config(protector.url())), event);

        assertThat(out).isEqualTo(CloudFrontEvents.request(CloudFrontEvents.load("awsdocs_origin-request.json")));
        assertThat(protector.calls()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_hanging_protector_fails_open_within_the_budget() throws Exception {
        Map<String, Object> event = originRequestAfterViewerRequest();
        Map<String, Object> original = CloudFrontEvents.JSON.convertValue(CloudFrontEvents.request(event), Map.class);
        int viewerChecks = protector.calls();
        protector.hang();
        Map<String, Object> config = HandlerFixture.config(protector.url());
        ((Map<String, Object>) config.get("protector")).put("timeout", "PT0.2S");

        Map<String, Object> out = run(handler(config), event);

        assertThat(protector.calls() - viewerChecks).isEqualTo(1);
        assertThat(out).isEqualTo(original);
    }

    @Test
    void a_protector_error_fails_open_and_the_breaker_then_stops_calling() throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(originRequestAfterViewerRequest());
        }
        int viewerChecks = protector.calls();
        protector.failWith(500);
        OriginRequestHandler handler = handler(HandlerFixture.config(protector.url()));
        for (Map<String, Object> event : events) {
            assertThat(run(handler, event)).doesNotContainKey("status");
        }

        assertThat(protector.calls() - viewerChecks).as("breaker failures 3 in the fixture").isEqualTo(3);
    }

    @Test
    void the_marks_of_the_viewer_request_function_survive_a_pass_through() throws Exception {
        String url = protector.url();
        protector.close();
        Map<String, Object> event = originRequestAfterViewerRequest();

        Map<String, Object> out = run(handler(HandlerFixture.config(url)), event);

        assertThat(header(out, "x-edgeward-mark")).isEqualTo(header(CloudFrontEvents.request(event), "x-edgeward-mark"));
        assertThat(header(out, "x-edgeward-set-cookie")).isNotNull();
    }

    @Test
    void the_no_arg_constructor_reads_the_bundled_configuration_and_fails_open() throws Exception {
        // The bundled test configuration points at a closed port: the check fails and the request passes.
        Map<String, Object> out = run(new OriginRequestHandler(), originRequestAfterViewerRequest());

        assertThat(out.get("uri")).isEqualTo("/");
        assertThat(out).doesNotContainKey("status");
    }

    @Test
    void a_malformed_event_answers_an_empty_object() {
        assertThat(handler(HandlerFixture.config(protector.url())).handle("not json")).isEqualTo("{}");
        assertThat(handler(HandlerFixture.config(protector.url())).handle("{\"Records\":[]}")).isEqualTo("{}");
    }

    // --- helpers ---

    private OriginRequestHandler handler(Map<String, Object> config) {
        return new OriginRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(fixture.clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test"),
                (request, response, mark) -> generatedMarks.add(mark.format())));
    }

    /**
     * The real AWS viewer-request event through our viewer-request function (Protector allows), then the real AWS
     * origin-request event carrying what that function forwarded and what CloudFront adds.
     */
    private Map<String, Object> originRequestAfterViewerRequest() throws IOException {
        Map<String, Object> viewer = CloudFrontEvents.viewerRequest();
        String userAgent = header(CloudFrontEvents.request(viewer), "user-agent");
        Map<String, Object> forwarded = HandlerFixture.run(fixture.handler(HandlerFixture.config(protector.url())),
                viewer);
        Map<String, Object> event = CloudFrontEvents.load("awsdocs_origin-request.json");
        CloudFrontEvents.withRequestHeader(event, "User-Agent", userAgent);
        CloudFrontEvents.withRequestHeader(event, "Accept", "text/html");
        CloudFrontEvents.withRequestHeader(event, "X-Edgeward-Mark", header(forwarded, "x-edgeward-mark"));
        CloudFrontEvents.withRequestHeader(event, "X-Edgeward-Set-Cookie", header(forwarded, "x-edgeward-set-cookie"));
        CloudFrontEvents.withRequestHeader(event, "CloudFront-Viewer-JA4-Fingerprint", JA4);
        CloudFrontEvents.withRequestHeader(event, "CloudFront-Viewer-Country", "DE");
        CloudFrontEvents.withRequestHeader(event, "CloudFront-Viewer-ASN", "64500");
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(OriginRequestHandler handler, Map<String, Object> event)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(CloudFrontEvents.JSON.writeValueAsBytes(event)), out, null);
        return CloudFrontEvents.JSON.readValue(out.toByteArray(), Map.class);
    }
}
