package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.mark.RequestMark;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer-request bundle's Protector calls over {@code node:http} with a keep-alive agent: connections are reused,
 * a kept-alive connection Protector dropped is retried once on a fresh one, and the budget still bounds a call that
 * stalls halfway through its answer.
 */
class ProtectorConnectionBundleTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";

    @TempDir
    Path dir;
    private ScriptedProtector protector;
    private FakeIngest ingest;
    private NodeBundle bundle;

    private void start(String timeout) throws Exception {
        protector = ScriptedProtector.start();
        ingest = FakeIngest.start();
        bundle = NodeBundle.start("viewer-request", EdgeFixtures.config(protector.url(), ingest.url(), timeout), dir);
    }

    @AfterEach
    void stop() {
        bundle.close();
        protector.close();
        ingest.close();
    }

    @Test
    void consecutive_checks_share_one_kept_alive_connection() throws Exception {
        start("PT5S");

        for (int i = 0; i < 3; i++) {
            assertThat(reason(bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)))).isEqualTo(
                    "scripted:allow");
        }

        assertThat(protector.requests()).isEqualTo(3);
        assertThat(protector.connections()).isEqualTo(1);
    }

    @Test
    void a_kept_alive_connection_dropped_by_protector_is_retried_once_on_a_fresh_one() throws Exception {
        start("PT5S");
        bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));
        protector.then(ScriptedProtector.Step.RESET);

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(reason(request)).isEqualTo("scripted:allow");
        assertThat(protector.requests()).isEqualTo(3);
        assertThat(protector.connections()).isEqualTo(2);
    }

    @Test
    void a_fresh_connection_dropped_by_protector_is_not_retried_and_fails_open() throws Exception {
        start("PT5S");
        protector.then(ScriptedProtector.Step.RESET);

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(request).doesNotContainKey("status").containsEntry("uri", "/");
        assertThat(reason(request)).contains("fail-open");
        assertThat(protector.requests()).isEqualTo(1);
    }

    @Test
    void a_protector_that_stalls_halfway_through_its_answer_fails_open_within_the_budget() throws Exception {
        start("PT0.3S");
        protector.then(ScriptedProtector.Step.STALL);

        Map<String, Object> request = bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null));

        assertThat(request).doesNotContainKey("status").containsEntry("uri", "/");
        assertThat(reason(request)).contains("fail-open").contains("TimeoutError");
    }

    private static String reason(Map<String, Object> request) {
        return RequestMark.parse(header(request, "x-edgeward-mark")).reason();
    }
}
