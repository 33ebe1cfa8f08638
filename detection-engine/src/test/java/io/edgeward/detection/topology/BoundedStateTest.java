package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stores keyed by what clients choose hold at most limits.maxEntriesPerStore keys; the least recent go first. */
class BoundedStateTest {

    @Test
    void a_flood_of_new_sessions_cannot_grow_the_actor_store_past_its_bound() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "maxEntriesPerStore: 1000000", "maxEntriesPerStore: 1000"))) {
            for (int i = 0; i < 1300; i++) {
                h.send(Req.get("/static/site.css").ip("198.51.100." + (i % 250 + 1)).session("flood-" + i),
                        Duration.ofMillis(20));
            }
            h.advance(Duration.ofMinutes(2));
            h.send(Req.get("/static/site.css").session("latest"));

            assertThat(h.storeKeys("actors").size()).isLessThanOrEqualTo(1000);
            assertThat(h.storeKeys("actors")).contains("s|flood-1299").doesNotContain("s|flood-0");
        }
    }
}
