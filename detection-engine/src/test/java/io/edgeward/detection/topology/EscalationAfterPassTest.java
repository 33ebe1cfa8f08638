package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Detection;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A solved challenge is evidence, not immunity: sessions that keep tripping rules after passing end blocked. */
class EscalationAfterPassTest {

    private static void apiBurst(DetectionHarness h, String session, int passes) {
        for (int i = 0; i < 40; i++) {
            h.send(Req.get("/api/products").accept("application/json").session(session).passes(passes),
                    Duration.ofMillis(150));
        }
    }

    @Test
    void a_session_that_keeps_tripping_rules_after_passing_challenges_ends_blocked() {
        try (DetectionHarness h = new DetectionHarness()) {
            apiBurst(h, "solver", 0);
            apiBurst(h, "solver", 1);
            apiBurst(h, "solver", 2);

            assertThat(h.detections("rate.route"))
                    .extracting(Detection::action, Detection::offense)
                    .containsExactly(Tuple.tuple("challenge", 1), Tuple.tuple("challenge", 2),
                            Tuple.tuple("block", 3));
            assertThat(h.decisions()).extracting(kv -> kv.key).containsOnly("decision|session|solver");
        }
    }

    @Test
    void a_person_who_passed_a_challenge_and_reads_on_is_left_alone() {
        try (DetectionHarness h = new DetectionHarness()) {
            apiBurst(h, "mistaken", 0);
            for (int page = 0; page < 15; page++) {
                h.send(Req.get("/products/" + (page * 11 % 90)).session("mistaken").passes(1),
                        Duration.ofMillis(300));
                h.send(Req.get("/static/site.css").session("mistaken").passes(1),
                        Duration.ofSeconds(5 + page * 7 % 9)); // reading for uneven times
            }

            assertThat(h.detections()).hasSize(1);
        }
    }

    @Test
    void challenges_passed_elsewhere_count_as_offences_already_paid_for() {
        try (DetectionHarness h = new DetectionHarness()) {
            // Protector's request-time rules challenged this session twice; it solved both and goes on
            apiBurst(h, "veteran", 2);

            assertThat(h.detections("rate.route")).singleElement().satisfies(d -> {
                assertThat(d.offense()).isEqualTo(3);
                assertThat(d.action()).isEqualTo("block");
            });
        }
    }
}
