package io.edgeward.edge.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared masking vectors (edge-core's masking-vectors.json, also run by the JVM tests and the end-to-end test)
 * through the viewer-request bundle under node: every vector is a blocked POST with its query and body (include-body),
 * and the record that bundle ships must hold exactly the masked query and body the JVM gives.
 */
class MaskingBundleTest {

    private static final Path VECTORS = Path.of("..", "edge-core", "src", "test", "resources", "masking-vectors.json");
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
    void blocked_posts_are_logged_by_the_node_bundle_with_the_same_masking_as_the_jvm() throws IOException {
        List<Map<String, Object>> vectors = NodeBundle.JSON.readValue(VECTORS.toFile(), new TypeReference<>() { });
        protector.answers("block");

        for (int i = 0; i < vectors.size(); i++) {
            bundle.invoke(blockedPost("/m/" + i, vectors.get(i)));
        }
        // Later invocations send what the in-flight bound held back; their own records are told apart by path.
        Awaitility.await().untilAsserted(() -> {
            bundle.invoke(EdgeFixtures.viewerRequest("/nudge", BROWSER, null));
            assertThat(vectorRecords()).hasSize(vectors.size());
        });

        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        vectorRecords().forEach(record -> byPath.put((String) record.get("path"), record));
        for (int i = 0; i < vectors.size(); i++) {
            Map<String, Object> vector = vectors.get(i);
            Map<String, Object> record = byPath.get("/m/" + i);
            String name = (String) vector.get("name");
            assertThat(record.get("query")).as(name).isEqualTo(vector.get("maskedQuery"));
            assertThat(record.get("body")).as(name).isEqualTo(vector.get("maskedBody"));
            String shipped = NodeBundle.JSON.writeValueAsString(record);
            for (Object secret : (List<?>) vector.get("secrets")) {
                assertThat(shipped).as(name).doesNotContain((String) secret);
            }
        }
    }

    private List<Map<String, Object>> vectorRecords() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> record : ingest.records()) {
            if (String.valueOf(record.get("path")).startsWith("/m/")) {
                out.add(record);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> blockedPost(String uri, Map<String, Object> vector) {
        Map<String, Object> event = EdgeFixtures.viewerRequest(uri, BROWSER, null);
        Map<String, Object> request = EdgeFixtures.request(event);
        request.put("method", "POST");
        request.put("querystring", vector.get("query") == null ? "" : vector.get("query"));
        Map<String, Object> headers = (Map<String, Object>) request.get("headers");
        if (vector.get("contentType") != null) {
            headers.put("content-type", List.of(Map.of("key", "Content-Type", "value", vector.get("contentType"))));
        }
        if (vector.get("body") != null) {
            request.put("body", Map.of("inputTruncated", Boolean.TRUE.equals(vector.get("truncated")),
                    "action", "read-only", "encoding", "base64",
                    "data", Base64.getEncoder().encodeToString(
                            ((String) vector.get("body")).getBytes(StandardCharsets.UTF_8))));
        }
        return event;
    }
}
