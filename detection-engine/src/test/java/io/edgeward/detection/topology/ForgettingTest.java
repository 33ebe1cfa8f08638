package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** State is dropped once stream time has moved past the policy's retention (actors) or escalation memory. */
class ForgettingTest {

    @Test
    void actors_and_addresses_not_seen_within_the_retention_are_forgotten() {
        try (DetectionHarness h = new DetectionHarness()) {
            h.send(Req.get("/").session("gone").ip("192.0.2.10"));
            assertThat(h.storeKeys(ActorProcessor.ACTORS)).contains("s|gone");
            assertThat(h.storeKeys(ActorProcessor.ADDRESSES)).contains("192.0.2.10");

            h.advance(Duration.ofMinutes(11)).send(Req.get("/").session("current").ip("192.0.2.11"));

            assertThat(h.storeKeys(ActorProcessor.ACTORS)).contains("s|current").doesNotContain("s|gone");
            assertThat(h.storeKeys(ActorProcessor.ADDRESSES)).containsExactly("192.0.2.11");
        }
    }

    @Test
    void offences_older_than_the_escalation_memory_are_forgotten() {
        try (DetectionHarness h = new DetectionHarness()) {
            scan(h, "192.0.2.3");
            assertThat(h.storeKeys(EscalationProcessor.STORE)).containsExactly("ip|192.0.2.3");

            h.advance(Duration.ofHours(25));
            scan(h, "192.0.2.4");

            assertThat(h.storeKeys(EscalationProcessor.STORE)).containsExactly("ip|192.0.2.4");
        }
    }

    private static void scan(DetectionHarness h, String ip) {
        for (int i = 0; i < 3; i++) {
            h.send(Req.get("/.env").status(404).ip(ip).ua("zgrab/0.x").cookieless(ip + "-" + i));
        }
    }
}
