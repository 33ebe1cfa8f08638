package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.Exclusions;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.config.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

    private final RouteMatcher matcher = new RouteMatcher(Mode.MITIGATE,
            List.of(new Route("/api/", Mode.INJECT), new Route("/api/public/", Mode.MONITOR)),
            new Exclusions(List.of("/.well-known/", "/health"), List.of("css", "png")));

    @Test
    void the_longest_matching_prefix_decides_the_mode() {
        assertThat(matcher.modeFor("/api/cart")).isEqualTo(Mode.INJECT);
        assertThat(matcher.modeFor("/api/public/prices")).isEqualTo(Mode.MONITOR);
    }

    @Test
    void paths_without_a_route_take_the_default_mode() {
        assertThat(matcher.modeFor("/")).isEqualTo(Mode.MITIGATE);
        assertThat(matcher.modeFor("/apix")).isEqualTo(Mode.MITIGATE);
        assertThat(matcher.modeFor("")).isEqualTo(Mode.MITIGATE);
    }

    @Test
    void excluded_by_prefix_or_by_the_extension_of_the_last_segment() {
        assertThat(matcher.isExcluded("/.well-known/security.txt")).isTrue();
        assertThat(matcher.isExcluded("/healthz")).isTrue();
        assertThat(matcher.isExcluded("/static/site.css")).isTrue();
        assertThat(matcher.isExcluded("/img/LOGO.PNG")).isTrue();
    }

    @Test
    void not_excluded_when_the_extension_is_elsewhere_or_absent() {
        assertThat(matcher.isExcluded("/css/page")).isFalse();
        assertThat(matcher.isExcluded("/v1.css/page")).isFalse();
        assertThat(matcher.isExcluded("/file.")).isFalse();
        assertThat(matcher.isExcluded("/page.html")).isFalse();
        assertThat(matcher.isExcluded("")).isFalse();
    }
}
