package io.edgeward.edge.worker;

import static io.edgeward.edge.node.EdgeFixtures.BROWSER;
import static io.edgeward.edge.node.EdgeFixtures.cookiePair;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static io.edgeward.edge.node.EdgeFixtures.jvm;
import static io.edgeward.edge.worker.WorkerFixtures.cookieSetBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.node.CrossTargetTest;
import io.edgeward.edge.node.EdgeFixtures;
import io.edgeward.edge.node.FakeIngest;
import io.edgeward.edge.node.FakeProtector;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM target and the Worker under workerd give the same result for the same request: cookies minted by one
 * verify on the other, and edge-node's CrossTargetTest table (cookie states x Protector answers x modes) decides
 * alike. Each test gets a fresh isolate, as each CrossTargetTest case gets a fresh node process: an isolate remembers
 * blocks by address.
 */
class WorkerCrossTargetTest {

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private OriginStandIn origin;
    private Map<String, Object> config;
    private Workerd worker;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        origin = OriginStandIn.start();
        // A generous budget: a cold JVM or isolate on a loaded machine must not turn answers into fail-open here.
        config = EdgeFixtures.config(protector.url(), ingest.url(), "PT5S");
        worker = Workerd.start(Workerd.bindings(config, origin.url()), Files.createDirectories(dir.resolve("w")));
    }

    @AfterEach
    void stop() {
        worker.close();
        origin.close();
        protector.close();
        ingest.close();
    }

    @Test
    void a_cookie_minted_on_the_jvm_is_fresh_and_valid_on_the_worker() {
        String cookie = EdgeFixtures.mintedBy(jvm(config, Clock.systemUTC()), protector);
        int calls = protector.calls();

        worker.get("/", BROWSER, cookie);

        assertThat(RequestMark.parse(origin.last().header("x-edgeward-mark")).cookieState()).isEqualTo("valid");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @Test
    void a_cookie_minted_on_the_worker_is_fresh_and_valid_on_the_jvm() {
        protector.answers("allow");
        String cookie = cookieSetBy(worker.get("/", BROWSER, null));
        int calls = protector.calls();

        Map<String, Object> request = jvm(config, Clock.systemUTC()).handle(
                EdgeFixtures.viewerRequest("/", BROWSER, cookie));

        assertThat(RequestMark.parse(header(request, "x-edgeward-mark")).cookieState()).isEqualTo("valid");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.edgeward.edge.node.CrossTargetTest#table")
    void the_jvm_and_the_worker_decide_alike(String name, String uri, String cookieKind, String protectorBehaviour) {
        String cookie = EdgeFixtures.cookie(cookieKind, config, protector);
        String userAgent = cookieKind.equals("unbound") ? "curl/8.5.0" : BROWSER;
        if (protectorBehaviour.equals("500")) {
            protector.fails(500);
        } else if (!protectorBehaviour.equals("down")) {
            protector.answers(protectorBehaviour);
        }
        boolean down = protectorBehaviour.equals("down");
        Map<String, Object> targetConfig = down ? WorkerFixtures.withProtector(config, "http://127.0.0.1:9", "PT5S")
                : config;
        Workerd target = down ? Workerd.start(Workerd.bindings(targetConfig, origin.url()), dir) : worker;
        try {
            Map<String, Object> onJvm = jvm(targetConfig, Clock.systemUTC()).handle(
                    EdgeFixtures.viewerRequest(uri, userAgent, cookie));
            int before = origin.received().size();
            HttpResponse<String> onWorker = target.get(uri, userAgent, cookie);

            assertThat(workerSummary(onWorker, origin.received().size() > before ? origin.last() : null))
                    .isEqualTo(CrossTargetTest.summary(onJvm));
        } finally {
            if (target != worker) {
                target.close();
            }
        }
    }

    @Test
    void a_blocking_cookie_minted_on_the_jvm_holds_on_the_worker_without_a_call() {
        protector.answersBlock("session", System.currentTimeMillis() / 1000 + 3600);
        Map<String, Object> blocked = jvm(config, Clock.systemUTC()).handle(EdgeFixtures.viewerRequest("/", BROWSER,
                null));
        String cookie = cookiePair(header(blocked, "set-cookie"));
        protector.answers("allow");
        int calls = protector.calls();

        HttpResponse<String> onWorker = worker.get("/products/3", BROWSER, cookie);

        assertThat(onWorker.statusCode()).isEqualTo(403);
        assertThat(onWorker.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(protector.calls()).isEqualTo(calls);
    }

    /** The same, read from the Worker's answer and from what the origin received when it was forwarded. */
    private static Map<String, Object> workerSummary(HttpResponse<String> response, OriginStandIn.Received atOrigin) {
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean generated = response.headers().firstValue(OriginStandIn.SERVED_BY).isEmpty();
        summary.put("generated", generated);
        if (generated) {
            summary.put("status", String.valueOf(response.statusCode()));
            summary.put("action", response.headers().firstValue("x-edgeward-action").orElse(null));
            summary.put("cache-control", response.headers().firstValue("cache-control").orElse(null));
            summary.put("sets cookie", response.headers().firstValue("set-cookie").isPresent());
            return summary;
        }
        summary.put("uri", atOrigin.uri());
        summary.put("sets cookie", atOrigin.header("x-edgeward-set-cookie") != null);
        summary.put("injected action", atOrigin.header("x-edgeward-action"));
        CrossTargetTest.putMark(summary, atOrigin.header("x-edgeward-mark"));
        return summary;
    }

}
