package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.detection.topics.Detection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FalsePositiveAndEscalationTest {

    @Test
    void twenty_people_behind_one_nat_with_their_own_sessions_are_not_blocked() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int round = 0; round < 3; round++) {
                for (int person = 0; person < 20; person++) {
                    String session = "office-" + person;
                    if (round == 0) {
                        h.send(Req.get("/").ip("192.0.2.1").cookieless(session), Duration.ofMillis(50));
                    }
                    Visitors.readPage(h, "192.0.2.1", session, "/products/" + (person * 5 + round * 3));
                }
            }

            assertThat(h.detections()).isEmpty();
            assertThat(h.decisions()).isEmpty();
        }
    }

    @Test
    void cookieless_scanner_sharing_an_address_with_many_good_sessions_is_only_challenged() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 5; person++) {
                Visitors.browse(h, "192.0.2.2", "campus-" + person, 2, person);
            }
            for (int i = 0; i < 3; i++) {
                h.send(Req.get("/.env").status(404).ip("192.0.2.2").ua("zgrab/0.x").cookieless("z" + i));
            }

            Detection d = h.detections("scanning.probe-paths").get(0);
            assertThat(d.scope() + "|" + d.value()).isEqualTo("ip|192.0.2.2");
            assertThat(d.action()).isEqualTo("challenge");
        }
    }

    @Test
    void the_same_scanner_on_its_own_address_is_blocked() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int i = 0; i < 3; i++) {
                h.send(Req.get("/.env").status(404).ip("192.0.2.3").ua("zgrab/0.x").cookieless("z" + i));
            }

            assertThat(h.detections("scanning.probe-paths").get(0).action()).isEqualTo("block");
        }
    }

    @Test
    void a_repeat_offender_gets_longer_then_harder_decisions() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int offence = 0; offence < 3; offence++) {
                for (int i = 0; i < 10; i++) {
                    h.send(Req.post("/cart/add", 200).session("hoarder"), Duration.ofSeconds(2));
                }
                h.advance(Duration.ofHours(2));
            }

            assertThat(h.detections("scalping.cart-add"))
                    .extracting(Detection::action, Detection::duration, Detection::offense)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("challenge", "PT15M", 1),
                            org.assertj.core.groups.Tuple.tuple("challenge", "PT30M", 2),
                            org.assertj.core.groups.Tuple.tuple("block", "PT1H", 3));
            assertThat(h.decisions()).extracting(kv -> kv.value.action())
                    .containsExactly("challenge", "challenge", "block");
        }
    }

    @Test
    void a_bot_still_covered_by_its_decision_is_not_counted_again() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int i = 0; i < 40; i++) {
                h.send(Req.post("/cart/add", 200).session("eager"), Duration.ofSeconds(2));
            }

            assertThat(h.detections("scalping.cart-add")).hasSize(1);
        }
    }

    @Test
    void replayed_old_logs_give_detections_but_publish_no_expired_decisions() {
        Clock muchLater = Clock.fixed(DetectionHarness.START.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        try (DetectionHarness h = new DetectionHarness(PolicyLoader.defaults(), muchLater)) {
            for (int i = 0; i < 10; i++) {
                h.send(Req.post("/cart/add", 200).session("history"), Duration.ofSeconds(2));
            }

            assertThat(h.detections("scalping.cart-add")).singleElement().satisfies(d -> {
                assertThat(d.detectedAt()).startsWith("2026-11-23T10:00:18");
                assertThat(d.id()).isNull();
            });
            assertThat(h.decisions()).isEmpty();
        }
    }

    @Test
    void decision_carries_the_contract_fields() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int i = 0; i < 10; i++) {
                h.send(Req.post("/cart/add", 200).session("fields"), Duration.ofSeconds(2));
            }

            assertThat(h.decisions()).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo("decision|session|fields");
                assertThat(kv.value.list()).isEqualTo("decision");
                assertThat(kv.value.source()).isEqualTo("detection:scalping.cart-add");
                assertThat(kv.value.id()).isNotBlank();
                assertThat(kv.value.createdAt()).isEqualTo("2026-11-23T10:00:18Z");
                assertThat(kv.value.expiresAt()).isEqualTo("2026-11-23T10:15:18Z");
                assertThat(kv.value.reason()).contains("add-to-cart");
            });
            assertThat(h.detections().get(0).id()).isEqualTo(h.decisions().get(0).value.id());
        }
    }
}
