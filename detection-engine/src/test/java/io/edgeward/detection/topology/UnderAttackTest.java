package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Under-attack mode per route: a surge of requests without a session puts the route under challenge for a while. */
class UnderAttackTest {

    private static DetectionHarness harness() {
        return new DetectionHarness(Policies.bundledWith(
                "{route: \"POST /login\", threshold: 300, window: PT1M, duration: PT10M}",
                "{route: \"POST /login\", threshold: 50, window: PT1M, duration: PT10M}"));
    }

    /** Successful logins without a session from ever new addresses: no failure rule sees them. */
    private static void surge(DetectionHarness h, int requests, String prefix) {
        for (int i = 0; i < requests; i++) {
            h.send(Req.post("/login", 302).ip(prefix + (i % 200 + 1)).cookieless("u" + prefix + i)
                    .ua("Mozilla/5.0 (Macintosh) Safari/605." + i), Duration.ofMillis(500));
        }
    }

    @Test
    void a_surge_of_sessionless_logins_puts_the_login_route_under_attack() {
        try (DetectionHarness h = harness()) {
            surge(h, 60, "198.51.100.");

            assertThat(h.decisions()).filteredOn(kv -> kv.value.scope().equals("route")).singleElement()
                    .satisfies(kv -> {
                        assertThat(kv.key).isEqualTo("decision|route|POST /login");
                        assertThat(kv.value.value()).isEqualTo("POST /login");
                        assertThat(kv.value.action()).isEqualTo("challenge");
                        assertThat(Duration.between(Instant.parse(kv.value.createdAt()),
                                Instant.parse(kv.value.expiresAt()))).isEqualTo(Duration.ofMinutes(10));
                    });
        }
    }

    @Test
    void the_route_decision_is_renewed_while_the_surge_lasts_and_lapses_when_it_stops() {
        try (DetectionHarness h = harness()) {
            for (int minute = 0; minute < 12; minute++) {
                surge(h, 120, "198.51." + minute + ".");
            }
            h.advance(Duration.ofHours(1));
            h.send(Req.get("/").ip("203.0.113.9"));

            var routeDecisions = h.decisionValues().stream().filter(d -> d.scope().equals("route")).toList();
            assertThat(routeDecisions).hasSizeBetween(2, 4).extracting(Decision::action).containsOnly("challenge");
            Instant lastExpiry = Instant.parse(routeDecisions.get(routeDecisions.size() - 1).expiresAt());
            assertThat(lastExpiry).as("lapses within one duration of the surge's end")
                    .isBefore(DetectionHarness.START.plus(Duration.ofMinutes(12 + 10)));
        }
    }

    @Test
    void logins_by_people_with_established_sessions_are_no_surge() {
        try (DetectionHarness h = harness()) {
            for (int i = 0; i < 80; i++) {
                h.send(Req.post("/login", 302).ip("203.0.113." + (i + 1)).session("member-" + i)
                        .issuedAt(h.now().minus(Duration.ofMinutes(5))), Duration.ofMillis(500));
            }

            assertThat(h.detections("route.under-attack")).isEmpty();
        }
    }

    @Test
    void a_session_minted_a_moment_ago_does_not_make_a_surge_look_established() {
        try (DetectionHarness h = harness()) {
            for (int i = 0; i < 60; i++) {
                // the bot keeps each fresh cookie for one request: returning, but issued a second ago
                h.send(Req.post("/login", 302).ip("198.51.100." + (i + 1)).session("fresh-" + i)
                        .issuedAt(h.now().minusSeconds(1)), Duration.ofMillis(500));
            }

            assertThat(h.detections("route.under-attack")).hasSize(1);
        }
    }
}
