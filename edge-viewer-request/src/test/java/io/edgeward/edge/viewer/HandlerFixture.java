package io.edgeward.edge.viewer;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.ProtectorStandIn;
import io.edgeward.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds handlers the way production does, on a movable clock, against a Protector stand-in. */
final class HandlerFixture {

    static final String KEY_1 = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static final String OTHER_KEY = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));

    final TestClock clock = new TestClock(Instant.parse("2026-11-23T13:40:43Z"));
    final List<Map<String, Object>> generated = new ArrayList<>();

    /**
     * The contract's example configuration, pointed at the stand-in; breaker failures 3 for short tests. The budget
     * is generous (PT5S) so a loaded test machine does not turn answers into fail-open; budget tests shorten it.
     */
    static Map<String, Object> config(String protectorUrl) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cookie", new LinkedHashMap<>(Map.of("name", "__Host-ew", "lifetime", "PT24H",
                "keys", Map.of("k1", KEY_1), "signingKey", "k1")));
        root.put("checkInterval", Map.of("initial", "PT5S", "max", "PT60S"));
        root.put("mode", "mitigate");
        root.put("routes", List.of(Map.of("pathPrefix", "/api/", "mode", "inject"),
                Map.of("pathPrefix", "/watch/", "mode", "monitor")));
        root.put("exclude", Map.of("pathPrefixes", List.of("/.well-known/"), "extensions", List.of("css", "png")));
        root.put("protector", new LinkedHashMap<>(Map.of("url", protectorUrl, "apiKey", ProtectorStandIn.KEY,
                "timeout", "PT5S", "breaker", Map.of("failures", 3, "open", "PT30S"))));
        root.put("challenge", Map.of("provider", "pow", "difficulty", 18));
        return root;
    }

    ViewerRequestHandler handler(Map<String, Object> config) {
        return new ViewerRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test"),
                (request, response, mark) -> generated.add(Map.of("status", response.status(), "mark",
                        mark.format()))));
    }

    /** Runs an event through the RequestStreamHandler interface, as Lambda does. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(ViewerRequestHandler handler, Map<String, Object> event) throws IOException {
        return CloudFrontEvents.JSON.readValue(runBytes(handler, CloudFrontEvents.JSON.writeValueAsBytes(event)), Map.class);
    }

    static byte[] runBytes(ViewerRequestHandler handler, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), out, null);
        return out.toByteArray();
    }

    /** {@code name=value} from a Set-Cookie value, as a browser sends it back. */
    static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
