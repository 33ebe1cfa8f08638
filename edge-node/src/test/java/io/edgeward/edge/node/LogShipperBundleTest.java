package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log-shipper bundle under node on the AWS viewer-response and origin-response samples. */
class LogShipperBundleTest {

    private static final String SET_COOKIE = "__Host-ew=abc.def.ghi; Path=/; Secure; HttpOnly; SameSite=Lax";

    @TempDir
    Path dir;
    private FakeIngest ingest;
    private NodeBundle bundle;

    @BeforeEach
    void start() throws Exception {
        ingest = FakeIngest.start();
        bundle = NodeBundle.start("log-shipper", EdgeFixtures.config("http://127.0.0.1:9", ingest.url(), "PT0.5S"),
                dir);
    }

    @AfterEach
    void stop() {
        bundle.close();
        ingest.close();
    }

    @Test
    void viewer_response_is_logged_once_and_gets_the_minted_cookie() {
        Map<String, Object> event = EdgeFixtures.event("awsdocs_viewer-response.json");
        addRequestHeader(event, "x-edgeward-set-cookie", SET_COOKIE);

        Map<String, Object> response = bundle.invoke(event);

        assertThat(header(response, "set-cookie")).isEqualTo(SET_COOKIE);
        Awaitility.await().untilAsserted(() -> assertThat(ingest.records()).hasSize(1));
        assertThat(ingest.records().get(0)).containsEntry("source", "edge").containsKeys("time", "requestId",
                "clientIp", "method", "path", "status");
    }

    @Test
    void a_successful_origin_response_is_left_to_viewer_response_and_never_gets_a_cookie() {
        Map<String, Object> event = EdgeFixtures.event("awsdocs_origin-response.json");
        addRequestHeader(event, "x-edgeward-set-cookie", SET_COOKIE);

        Map<String, Object> response = bundle.invoke(event);
        bundle.invoke(EdgeFixtures.event("awsdocs_viewer-response.json"));

        assertThat(header(response, "set-cookie")).isNull();
        Awaitility.await().untilAsserted(() -> assertThat(ingest.records()).hasSize(1));
    }

    @Test
    void malformed_events_resolve_and_never_reject() {
        for (Object event : List.of(Map.of(), Map.of("Records", List.of(Map.of("cf", Map.of()))), "x", 1)) {
            assertThat(bundle.call(event)).doesNotContainKey("rejected").containsKey("result");
        }
    }

    @SuppressWarnings("unchecked")
    private static void addRequestHeader(Map<String, Object> event, String name, String value) {
        Map<String, Object> headers = (Map<String, Object>) EdgeFixtures.request(event).get("headers");
        headers.put(name, List.of(Map.of("key", name, "value", value)));
    }
}
