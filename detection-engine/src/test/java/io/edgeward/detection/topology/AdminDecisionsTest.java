package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Detection;
import org.junit.jupiter.api.Test;

/**
 * Detections and administrators' decisions share the compacted key {@code decision|scope|value}: the engine must
 * not replace a standing decision an administrator made (a 24-hour block must not become a 15-minute one).
 */
class AdminDecisionsTest {

    private static final String KEY = "decision|ip|192.0.2.3";

    @Test
    void a_standing_admin_decision_is_not_replaced_but_the_detection_is_still_reported() {
        try (DetectionHarness h = new DetectionHarness()) {
            h.decisionFromElsewhere(KEY, admin("challenge", "2026-11-24T10:00:00Z"));

            scan(h);

            assertThat(h.decisions()).noneMatch(kv -> kv.key.equals(KEY));
            Detection d = h.detections("scanning.probe-paths").get(0);
            assertThat(d.id()).as("no decision published").isNull();
            assertThat(d.reason()).contains("administrator's decision stands");
        }
    }

    @Test
    void an_expired_admin_decision_does_not_stop_a_new_one() {
        try (DetectionHarness h = new DetectionHarness()) {
            h.decisionFromElsewhere(KEY, admin("block", "2026-11-23T09:00:00Z"));

            scan(h);

            assertThat(h.decisions()).anyMatch(kv -> kv.key.equals(KEY) && kv.value.action().equals("block"));
        }
    }

    @Test
    void a_removed_admin_decision_or_one_made_by_detection_does_not_stop_a_new_one() {
        try (DetectionHarness h = new DetectionHarness()) {
            h.decisionFromElsewhere(KEY, admin("block", null)).decisionFromElsewhere(KEY, null);
            h.decisionFromElsewhere("decision|ip|192.0.2.4", """
                    {"list":"decision","scope":"ip","value":"192.0.2.4","action":"challenge",
                     "source":"detection:scanning.probe-paths","expiresAt":"2026-11-24T10:00:00Z"}""");

            scan(h);
            for (int i = 0; i < 3; i++) {
                h.send(Req.get("/.env").status(404).ip("192.0.2.4").ua("zgrab/0.x").cookieless("y" + i));
            }

            assertThat(h.decisions()).anyMatch(kv -> kv.key.equals(KEY))
                    .anyMatch(kv -> kv.key.equals("decision|ip|192.0.2.4"));
        }
    }

    private static void scan(DetectionHarness h) {
        for (int i = 0; i < 3; i++) {
            h.send(Req.get("/.env").status(404).ip("192.0.2.3").ua("zgrab/0.x").cookieless("z" + i));
        }
    }

    private static String admin(String action, String expiresAt) {
        return """
                {"id":"a1","list":"decision","scope":"ip","value":"192.0.2.3","action":"%s","reason":"manual",
                 "source":"admin","createdAt":"2026-11-23T09:00:00Z","expiresAt":%s}"""
                .formatted(action, expiresAt == null ? "null" : "\"" + expiresAt + "\"");
    }
}
