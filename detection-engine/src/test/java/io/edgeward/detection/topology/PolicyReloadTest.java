package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.policy.PolicyLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyReloadTest {

    @Test
    void a_reloaded_threshold_applies_to_the_next_evaluation() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int i = 0; i < 4; i++) {
                h.send(Req.post("/cart/add", 200).session("early"), Duration.ofSeconds(2));
            }
            assertThat(h.detections()).isEmpty();

            h.policy.set(PolicyLoader.parse("detection:\n  rules:\n    scalping.cart-add: "
                    + "{window: PT1M, threshold: 5, action: block, duration: PT5M}\n", PolicyLoader.defaults(), "t"));
            h.send(Req.post("/cart/add", 200).session("early"));

            assertThat(h.detections("scalping.cart-add")).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo("block");
                assertThat(d.duration()).isEqualTo("PT5M");
            });
        }
    }

    @Test
    void a_rule_removed_by_reload_stops_detecting() {
        try (DetectionHarness h = new DetectionHarness()) {
            h.policy.set(PolicyLoader.parse("detection:\n  rules: {}\n", PolicyLoader.defaults(), "t"));
            for (int i = 0; i < 20; i++) {
                h.send(Req.post("/cart/add", 200).session("unwatched"));
            }

            assertThat(h.detections()).isEmpty();
        }
    }
}
