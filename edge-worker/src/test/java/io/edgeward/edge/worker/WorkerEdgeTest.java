package io.edgeward.edge.worker;

import static io.edgeward.edge.node.EdgeFixtures.BROWSER;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static io.edgeward.edge.node.EdgeFixtures.jvm;
import static io.edgeward.edge.worker.WorkerFixtures.cookieSetBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.node.EdgeFixtures;
import io.edgeward.edge.node.FakeIngest;
import io.edgeward.edge.node.FakeProtector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Worker under workerd against a real local Protector, ingest and origin: what the Lambda@Edge viewer-request
 * and log-shipper functions do, and how it fails open.
 */
class WorkerEdgeTest {

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private OriginStandIn origin;
    private Workerd worker;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        origin = OriginStandIn.start();
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        origin.close();
        protector.close();
        ingest.close();
    }

    private Workerd worker(Map<String, Object> config) {
        worker = Workerd.start(Workerd.bindings(config, origin.url()), dir);
        return worker;
    }

    private Map<String, Object> config(String timeout) {
        return EdgeFixtures.config(protector.url(), ingest.url(), timeout);
    }

    @Test
    void a_first_visit_is_checked_served_given_a_session_cookie_and_logged_after_the_response() {
        protector.answers("allow");
        worker(config("PT5S"));

        HttpResponse<String> response = worker.get("/products/3?page=2", BROWSER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("origin");
        assertThat(protector.calls()).isEqualTo(1);
        assertThat(cookieSetBy(response)).startsWith("__Host-ew=");
        assertThat(RequestMark.parse(origin.last().header("x-edgeward-mark")).action()).isEqualTo("allow");
        await().atMost(Duration.ofSeconds(30)).until(() -> !ingest.records().isEmpty());
        Map<String, Object> record = ingest.records().get(0);
        assertThat(record).containsEntry("path", "/products/3").containsEntry("clientIp", "203.0.113.178");
        assertThat(String.valueOf(record.get("status"))).isEqualTo("200");
    }

    @Test
    void a_returning_visitor_is_served_on_its_cookie_without_a_protector_call() {
        protector.answers("allow");
        worker(config("PT5S"));
        String cookie = cookieSetBy(worker.get("/", BROWSER, null));
        int calls = protector.calls();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = worker.get("/products/" + i, BROWSER, cookie);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(RequestMark.parse(origin.last().header("x-edgeward-mark")).cookieState()).isEqualTo("valid");
        }
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @Test
    void a_block_is_a_generated_page_that_is_logged_and_holds_on_the_next_request_without_a_call() {
        protector.answersBlock("ip", System.currentTimeMillis() / 1000 + 3600);
        worker(config("PT5S"));

        HttpResponse<String> blocked = worker.get("/", BROWSER, null);
        int calls = protector.calls();
        HttpResponse<String> again = worker.get("/other", BROWSER, cookieSetBy(blocked));

        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(blocked.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(protector.calls()).isEqualTo(calls);
        assertThat(origin.received()).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> ingest.records().size() >= 2);
    }

    @Test
    void a_solved_challenge_verified_by_protector_upgrades_the_cookie_which_the_jvm_accepts() {
        protector.answers("challenge");
        Map<String, Object> config = config("PT5S");
        worker(config);
        HttpResponse<String> challenged = worker.get("/", BROWSER, null, Map.of("Accept", "text/html"));
        String cookie = cookieSetBy(challenged);

        HttpResponse<String> verified = worker.post("/.edgeward/challenge/verify", BROWSER, cookie,
                "application/x-www-form-urlencoded", "token=t1&answer=42");

        assertThat(challenged.statusCode()).isEqualTo(403);
        assertThat(challenged.headers().firstValue("x-edgeward-action")).hasValue("challenge");
        assertThat(protector.verifyCalls()).isEqualTo(1);
        // A fetch-style client (Accept */*) gets the JSON envelope rather than a redirect.
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"ok\":true");
        String upgraded = cookieSetBy(verified);
        assertThat(upgraded).isNotNull().isNotEqualTo(cookie);
        protector.answers("challenge");
        int calls = protector.calls();
        Map<String, Object> onJvm = jvm(config, Clock.systemUTC()).handle(
                EdgeFixtures.viewerRequest("/", BROWSER, upgraded));
        assertThat(RequestMark.parse(header(onJvm, "x-edgeward-mark")).cookieState()).isEqualTo("valid");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @Test
    void a_hanging_protector_fails_open_within_its_budget() {
        protector.hangs();
        worker(config("PT0.3S"));

        HttpResponse<String> response = worker.get("/", BROWSER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(OriginStandIn.SERVED_BY)).hasValue("origin");
        RequestMark mark = RequestMark.parse(origin.last().header("x-edgeward-mark"));
        assertThat(mark.action()).isEqualTo("allow");
        assertThat(mark.reason()).startsWith("fail-open");
    }

    @Test
    void a_protector_that_is_down_fails_open_and_the_visitor_still_gets_a_session() {
        worker(WorkerFixtures.withProtector(config("PT5S"), "http://127.0.0.1:9", "PT5S"));

        HttpResponse<String> response = worker.get("/", BROWSER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RequestMark.parse(origin.last().header("x-edgeward-mark")).reason()).startsWith("fail-open");
        assertThat(cookieSetBy(response)).startsWith("__Host-ew=");
    }

    @Test
    void a_viewer_cannot_forge_our_marks_or_cloudfront_headers_to_the_origin() {
        protector.answers("allow");
        worker(config("PT5S"));

        worker.get("/", BROWSER, null, Map.of("X-Edgeward-Action", "allow", "X-Edgeward-Mark", "forged",
                "CloudFront-Viewer-Country", "ZZ"));

        OriginStandIn.Received received = origin.last();
        assertThat(received.header("x-edgeward-action")).isNull();
        assertThat(received.header("x-edgeward-mark")).isNotEqualTo("forged");
        assertThat(received.header("cloudfront-viewer-country")).isNull();
        assertThat(protector.lastBody()).doesNotContain("ZZ");
    }

    @Test
    void inject_mode_passes_the_decision_to_the_origin_instead_of_blocking() {
        protector.answers("block");
        worker(config("PT5S"));

        HttpResponse<String> response = worker.get("/api/orders", BROWSER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(origin.last().header("x-edgeward-action")).isEqualTo("block");
    }

    @Test
    void an_origin_error_is_logged_once_and_still_sets_the_session_cookie() {
        protector.answers("allow");
        worker(config("PT5S"));

        HttpResponse<String> response = worker.get("/missing/page", BROWSER, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(cookieSetBy(response)).startsWith("__Host-ew=");
        await().atMost(Duration.ofSeconds(30)).until(() -> !ingest.records().isEmpty());
        assertThat(String.valueOf(ingest.records().get(0).get("status"))).isEqualTo("404");
        assertThat(ingest.records()).hasSize(1);
    }

    @Test
    void an_unusable_configuration_passes_every_request_through_unchecked() {
        Map<String, Object> broken = new LinkedHashMap<>(config("PT5S"));
        broken.put("mode", "nonsense");
        worker(broken);

        HttpResponse<String> response = worker.get("/", BROWSER, null, Map.of("X-Edgeward-Mark", "forged"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(protector.calls()).isZero();
        assertThat(origin.last().header("x-edgeward-mark")).isNull();
        assertThat(worker.log()).contains("edge configuration unusable").doesNotContain(EdgeFixtures.KEY_1);
    }
}
