package io.edgeward.edge.core.decision;

import static io.edgeward.edge.core.decision.BlocksHoldTest.decide;
import static io.edgeward.edge.core.decision.BlocksHoldTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.path.NormalisedPath;
import io.edgeward.edge.core.path.PathNormaliser;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: a page dressed as an asset. With the example configuration (css, png… excluded) and Protector answering
 * block, every spelling below must reach Protector and be blocked, never pass as an excluded asset. The route mode and
 * the verify path are judged on the same normalised path.
 */
class PathAttackTest {

    private static final String BLOCK = "{\"action\":\"block\",\"ttl\":0,\"reason\":\"ip on blocklist\"}";

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);
    private final ScriptedHttp http = new ScriptedHttp().answer(200, BLOCK);
    private final ViewerPolicy policy = new ViewerPolicy(Configs.exampleConfig(),
            TestPorts.ports(clock, http, new TestPorts.RecordingLog()),
            new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1"), GeneratedResponseLog.NONE);

    @ParameterizedTest
    @ValueSource(strings = {"/products/3;.css", "/products/3/.png", "/.well-known/../products/3",
        "/products/3%3B.css", "//products/3.css", "/products/3%2F..%2F.css", "/products/3;jsessionid=x.css",
        "/static/..;/products/3.css", "/products/3\\.css", "/products/3%5C.css", "/.well-known/%2e%2e/products/3",
        "/products/3/..;/site.css", "/products/3%3b.png"})
    void a_page_dressed_as_an_asset_is_never_excluded_for_a_blocked_address(String rawPath) {
        EdgeResult result = decide(policy, event(rawPath, "203.0.113.7", "curl/8.5.0", null));

        assertThat(result).as(rawPath).isInstanceOf(EdgeResult.Respond.class);
        assertThat(((EdgeResult.Respond) result).response().header("x-edgeward-action")).isEqualTo("block");
        assertThat(http.calls()).hasSize(1);
    }

    @Test
    void path_with_semicolon_is_never_an_excluded_asset() {
        RouteMatcher routes = new RouteMatcher(Configs.exampleConfig());

        assertThat(routes.isExcluded(PathNormaliser.normalise("/products/3;.css"))).isFalse();
        assertThat(routes.isExcluded(PathNormaliser.normalise("/static/site.css"))).isTrue();
    }

    @Test
    void a_real_asset_of_a_visitor_without_a_known_block_is_still_excluded() {
        EdgeResult result = decide(policy, event("/static/site.css", "198.51.100.1", "Mozilla/5.0", null));

        assertThat(((EdgeResult.Forward) result).mark().reason()).isEqualTo("excluded");
        assertThat(http.calls()).isEmpty();
    }

    @Test
    void the_route_mode_cannot_be_chosen_by_spelling_the_path() {
        RouteMatcher routes = new RouteMatcher(Configs.exampleConfig());

        assertThat(routes.modeFor(PathNormaliser.normalise("/api/../products/3").path())).isEqualTo(Mode.MITIGATE);
        assertThat(routes.modeFor(PathNormaliser.normalise("//api/orders").path())).isEqualTo(Mode.INJECT);
        EdgeResult escaped = decide(policy, event("/api/%2E%2E/products/3", "203.0.113.7", "curl/8.5.0", null));
        assertThat(escaped).as("not let through by the inject route").isInstanceOf(EdgeResult.Respond.class);
    }

    @Test
    void any_spelling_of_the_verify_path_is_answered_by_the_edge_and_never_reaches_the_origin() {
        for (String spelling : List.of("/.edgeward/challenge/verify", "/.edgeward//challenge/verify",
                "/.edgeward/challenge/verify;x", "/.edgeward/challenge/%76erify", "/x/../.edgeward/challenge/verify")) {
            EdgeResult result = decide(policy, event(spelling, "198.51.100.1", "Mozilla/5.0", null));
            assertThat(result).as(spelling).isInstanceOf(EdgeResult.Respond.class);
            assertThat(((EdgeResult.Respond) result).response().status()).as(spelling).isEqualTo(405);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void no_tricky_shared_vector_is_an_excluded_asset_or_always_served() throws Exception {
        Map<String, Object> root = Configs.example();
        root.put("exclude", Map.of("pathPrefixes", List.of("/.well-known/", "/static/"),
                "extensions", List.of("css", "js", "png", "txt", "xml")));
        RouteMatcher routes = new RouteMatcher(EdgeConfig.fromJson(root));
        List<Map<String, Object>> vectors;
        try (InputStream in = getClass().getResourceAsStream("/path-vectors.json")) {
            vectors = (List<Map<String, Object>>) new ObjectMapper().readValue(in, Map.class).get("vectors");
        }

        int tricky = 0;
        for (Map<String, Object> vector : vectors) {
            NormalisedPath path = PathNormaliser.normalise((String) vector.get("raw"));
            if (Boolean.TRUE.equals(vector.get("tricky"))) {
                tricky++;
                assertThat(routes.isExcluded(path)).as((String) vector.get("raw")).isFalse();
                assertThat(routes.isAlwaysServed(path)).as((String) vector.get("raw")).isFalse();
            }
        }
        assertThat(tricky).isGreaterThan(10);
    }
}
