package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.cookiePair;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node bundle's own SHA-256 and HMAC ({@link NodeSha256}) against the JVM's: the cookie binds the user agent by
 * its SHA-256 and is signed with HMAC-SHA256, so a cookie minted on one target for a user agent is valid on the other
 * only when both hash and sign alike. User agents of every length from 1 to 140 bytes cross SHA-256's padding
 * boundaries (55/56 and 119/120 bytes: one or two final blocks), and multi-byte UTF-8 ones its text encoding.
 */
class NodeSha256BundleTest {

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private Map<String, Object> config;
    private NodeBundle node;
    private ViewerRequestHandler jvm;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        node = NodeBundle.start("viewer-request", config, dir);
        jvm = new ViewerRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(Clock.systemUTC(), new JavaNetEdgeHttp(Duration.ofSeconds(1)), "sha256-test"),
                GeneratedResponseLog.NONE));
    }

    @AfterEach
    void stop() {
        node.close();
        protector.close();
        ingest.close();
    }

    @Test
    void cookies_minted_on_the_jvm_are_valid_on_node_for_user_agents_of_every_padding_length() {
        for (String userAgent : userAgents()) {
            String cookie = cookiePair(header(jvm.handle(EdgeFixtures.viewerRequest("/", userAgent, null)),
                    "x-edgeward-set-cookie"));

            Map<String, Object> onNode = node.invoke(EdgeFixtures.viewerRequest("/", userAgent, cookie));

            assertThat(state(onNode)).as("user agent of %d chars", userAgent.length()).isEqualTo("valid");
        }
    }

    @Test
    void cookies_minted_on_node_are_valid_on_the_jvm_for_user_agents_of_every_padding_length() {
        for (String userAgent : userAgents()) {
            String cookie = cookiePair(header(node.invoke(EdgeFixtures.viewerRequest("/", userAgent, null)),
                    "x-edgeward-set-cookie"));

            Map<String, Object> onJvm = jvm.handle(EdgeFixtures.viewerRequest("/", userAgent, cookie));

            assertThat(state(onJvm)).as("user agent of %d chars", userAgent.length()).isEqualTo("valid");
        }
    }

    @Test
    void a_cookie_presented_with_a_user_agent_one_character_longer_is_not_valid_on_node() {
        for (String userAgent : List.of(agentOf(55), agentOf(63), agentOf(119))) {
            String cookie = cookiePair(header(jvm.handle(EdgeFixtures.viewerRequest("/", userAgent, null)),
                    "x-edgeward-set-cookie"));

            Map<String, Object> onNode = node.invoke(EdgeFixtures.viewerRequest("/", userAgent + "x", cookie));

            assertThat(state(onNode)).as("user agent of %d chars", userAgent.length()).isNotEqualTo("valid");
        }
    }

    private static List<String> userAgents() {
        List<String> agents = new ArrayList<>();
        for (int length = 1; length <= 140; length++) {
            agents.add(agentOf(length));
        }
        agents.add("Mozilla/5.0 (Linux; Android 14; Gerät Größe) Mobile");
        agents.add("Mozilla/5.0 \u4e2d\u6587 \ud83d\ude00 (X11)");
        return agents;
    }

    private static String agentOf(int length) {
        String base = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0 ";
        StringBuilder agent = new StringBuilder();
        while (agent.length() < length) {
            agent.append(base);
        }
        return agent.substring(0, length).strip().isEmpty() ? "M" : agent.substring(0, length);
    }

    private static String state(Map<String, Object> request) {
        return RequestMark.parse(header(request, "x-edgeward-mark")).cookieState();
    }
}
