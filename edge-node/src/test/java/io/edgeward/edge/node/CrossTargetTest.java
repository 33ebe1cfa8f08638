package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.cookiePair;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static io.edgeward.edge.node.EdgeFixtures.jvm;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM target and the Node target give the same result for the same request: cookies minted by one verify on
 * the other, and a table of requests (cookie states, Protector answers, Protector down, modes) decides alike.
 */
public class CrossTargetTest {

    private static final String BROWSER = EdgeFixtures.BROWSER;

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private Map<String, Object> config;
    private NodeBundle node;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        // A generous budget: a cold JVM or node on a loaded machine must not turn answers into fail-open here.
        config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        node = NodeBundle.start("viewer-request", config, dir);
    }

    @AfterEach
    void stop() {
        node.close();
        protector.close();
        ingest.close();
    }

    @Test
    void a_cookie_minted_on_the_jvm_is_fresh_and_valid_on_node() {
        String cookie = EdgeFixtures.mintedBy(jvm(config, Clock.systemUTC()), protector);
        int calls = protector.calls();

        Map<String, Object> request = node.invoke(EdgeFixtures.viewerRequest("/", BROWSER, cookie));

        assertThat(mark(request).cookieState()).isEqualTo("valid");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @Test
    void a_cookie_minted_on_node_is_fresh_and_valid_on_the_jvm() {
        String cookie = cookiePair(header(node.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)),
                "x-edgeward-set-cookie"));
        int calls = protector.calls();

        Map<String, Object> request = jvm(config, Clock.systemUTC()).handle(
                EdgeFixtures.viewerRequest("/", BROWSER, cookie));

        assertThat(mark(request).cookieState()).isEqualTo("valid");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    /** The cross-target table; edge-worker's tests run the same rows on the Worker. */
    public static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("no cookie, allow", "/", "none", "allow"),
                Arguments.of("no cookie, challenge", "/", "none", "challenge"),
                Arguments.of("no cookie, block", "/", "none", "block"),
                Arguments.of("no cookie, monitor", "/", "none", "monitor"),
                Arguments.of("no cookie, protector 500", "/", "none", "500"),
                Arguments.of("no cookie, protector down", "/", "none", "down"),
                Arguments.of("inject route, block", "/api/x", "none", "block"),
                Arguments.of("monitor route, block", "/watch/x", "none", "block"),
                Arguments.of("excluded extension, block", "/site.css", "none", "block"),
                Arguments.of("valid cookie, block", "/", "valid", "block"),
                Arguments.of("tampered cookie, block", "/", "tampered", "block"),
                Arguments.of("expired cookie, allow", "/", "expired", "allow"),
                Arguments.of("foreign-key cookie, challenge", "/", "foreign", "challenge"),
                Arguments.of("unbound cookie, allow", "/", "unbound", "allow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void both_targets_decide_alike(String name, String uri, String cookieKind, String protectorBehaviour) {
        String cookie = EdgeFixtures.cookie(cookieKind, config, protector);
        String userAgent = cookieKind.equals("unbound") ? "curl/8.5.0" : BROWSER;
        if (protectorBehaviour.equals("500")) {
            protector.fails(500);
        } else if (!protectorBehaviour.equals("down")) {
            protector.answers(protectorBehaviour);
        }
        ViewerRequestHandler jvm = jvm(protectorBehaviour.equals("down")
                ? withProtector(config, "http://127.0.0.1:9") : config, Clock.systemUTC());
        NodeBundle nodeTarget = protectorBehaviour.equals("down")
                ? NodeBundle.start("viewer-request", "viewer-request-down", withProtector(config, "http://127.0.0.1:9"), dir)
                : node;
        try {
            Map<String, Object> onJvm = jvm.handle(EdgeFixtures.viewerRequest(uri, userAgent, cookie));
            Map<String, Object> onNode = nodeTarget.invoke(EdgeFixtures.viewerRequest(uri, userAgent, cookie));

            assertThat(summary(onNode)).isEqualTo(summary(onJvm));
        } finally {
            if (nodeTarget != node) {
                nodeTarget.close();
            }
        }
    }

    private static Map<String, Object> withProtector(Map<String, Object> edgeConfig, String url) {
        Map<String, Object> copy = new LinkedHashMap<>(edgeConfig);
        copy.put("protector", Map.of("url", url, "apiKey", FakeProtector.KEY, "timeout", "PT5S",
                "breaker", Map.of("failures", 3, "open", "PT30S")));
        return copy;
    }

    /** What must agree between targets: everything but random session ids and token bytes. */
    /** What must agree between targets: everything but random session ids and tokens (the Worker's tests use it too). */
    public static Map<String, Object> summary(Map<String, Object> result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean generated = result.containsKey("status");
        summary.put("generated", generated);
        if (generated) {
            summary.put("status", String.valueOf(result.get("status")));
            summary.put("action", header(result, "x-edgeward-action"));
            summary.put("cache-control", header(result, "cache-control"));
            summary.put("sets cookie", header(result, "set-cookie") != null);
            return summary;
        }
        summary.put("uri", result.get("uri"));
        summary.put("sets cookie", header(result, "x-edgeward-set-cookie") != null);
        summary.put("injected action", header(result, "x-edgeward-action"));
        putMark(summary, header(result, "x-edgeward-mark"));
        return summary;
    }

    /** A request mark's fields that must agree, under {@code mark}; nothing for no mark. */
    public static void putMark(Map<String, Object> summary, String mark) {
        if (mark != null) {
            RequestMark parsed = RequestMark.parse(mark);
            summary.put("mark", parsed.action() + "|" + parsed.cookieState() + "|" + parsed.mode() + "|"
                    + parsed.decisionId());
        }
    }

    private static RequestMark mark(Map<String, Object> request) {
        return RequestMark.parse(header(request, "x-edgeward-mark"));
    }

    @Test
    void a_blocking_cookie_minted_on_the_jvm_holds_on_node_without_a_call() {
        protector.answersBlock("session", System.currentTimeMillis() / 1000 + 3600);
        Map<String, Object> blocked = jvm(config, Clock.systemUTC()).handle(EdgeFixtures.viewerRequest("/", BROWSER,
                null));
        String cookie = cookiePair(header(blocked, "set-cookie"));
        protector.answers("allow");
        int calls = protector.calls();

        Map<String, Object> onNode = node.invoke(EdgeFixtures.viewerRequest("/products/3", BROWSER, cookie));

        assertThat(header(onNode, "x-edgeward-action")).isEqualTo("block");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> pathVectors() throws Exception {
        Map<String, Object> file = NodeBundle.JSON.readValue(
                Path.of("..", "edge-core", "src", "test", "resources", "path-vectors.json").toFile(), Map.class);
        return ((List<Map<String, Object>>) file.get("vectors")).stream()
                .filter(v -> !((String) v.get("raw")).isEmpty())
                .map(v -> Arguments.of(v.get("raw"), v.get("path"), v.get("tricky")));
    }

    /**
     * The shared path vectors (edge-core path-vectors.json) with css excluded and Protector answering block: both
     * targets send Protector the vector's normalised path, and agree on what is an excluded asset.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pathVectors")
    void both_targets_judge_the_shared_path_vectors_alike(String raw, String path, boolean tricky) throws Exception {
        protector.answers("block");
        int before = protector.calls();
        Map<String, Object> onJvm = jvm(config, Clock.systemUTC()).handle(EdgeFixtures.viewerRequest(raw, BROWSER,
                null));
        String jvmBody = protector.calls() > before ? protector.lastBody() : null;
        int between = protector.calls();
        Map<String, Object> onNode = node.invoke(EdgeFixtures.viewerRequest(raw, BROWSER, null));
        String nodeBody = protector.calls() > between ? protector.lastBody() : null;

        assertThat(summary(onNode)).isEqualTo(summary(onJvm));
        assertThat(nodeBody == null).isEqualTo(jvmBody == null);
        if (jvmBody != null) {
            Map<String, Object> jvmCheck = NodeBundle.JSON.readValue(jvmBody, Map.class);
            Map<String, Object> nodeCheck = NodeBundle.JSON.readValue(nodeBody, Map.class);
            assertThat(jvmCheck.get("path")).isEqualTo(path);
            assertThat(nodeCheck.get("path")).isEqualTo(path);
            assertThat(nodeCheck.get("rawPath")).isEqualTo(jvmCheck.get("rawPath"));
        }
        if (tricky) {
            assertThat(jvmBody).as("a tricky path is never an excluded asset").isNotNull();
        }
    }
}
