package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Automation signatures, cookie refusal and shared sessions. */
class SignatureRulesTest {

    private final DetectionHarness h = new DetectionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void library_user_agent_is_an_automation_signature() {
        for (int i = 0; i < 3; i++) {
            h.send(Req.get("/api/products").ua("python-requests/2.32.3").session("lib"));
        }

        assertThat(h.detections("automation.user-agent")).singleElement()
                .satisfies(d -> assertThat(d.scope()).isEqualTo("session"));
    }

    @Test
    void headless_chrome_without_a_cookie_is_caught_by_address() {
        for (int i = 0; i < 3; i++) {
            h.send(Req.get("/products/" + i).ua("Mozilla/5.0 HeadlessChrome/131.0").ip("198.51.100.60")
                    .cookieless("h" + i));
        }

        assertThat(h.detections("automation.user-agent")).singleElement()
                .satisfies(d -> assertThat(d.scope() + "|" + d.value()).isEqualTo("ip|198.51.100.60"));
    }

    @Test
    void browser_user_agent_is_not_an_automation_signature() {
        Visitors.browse(h, "203.0.113.40", "chrome-user", 10, 1);

        assertThat(h.detections("automation.user-agent")).isEmpty();
    }

    @Test
    void pages_without_accept_language_are_not_a_browser() {
        for (int i = 0; i < 5; i++) {
            h.send(Req.get("/products/" + (i * 13)).noAcceptLanguage().session("bare"));
            h.send(Req.get("/static/site.css").noAcceptLanguage().session("bare"));
        }

        assertThat(h.detections("automation.missing-headers")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("accept-language"));
    }

    @Test
    void one_request_without_accept_language_among_normal_ones_is_not_a_signature() {
        Visitors.browse(h, "203.0.113.41", "mixed", 8, 2);
        for (int i = 0; i < 5; i++) {
            h.send(Req.get("/search?q=" + i).noAcceptLanguage().session("mixed"));
        }

        assertThat(h.detections("automation.missing-headers")).isEmpty();
    }

    @Test
    void a_new_session_on_every_request_is_cookie_refusal() {
        for (int i = 0; i < 20; i++) {
            h.send(Req.get("/products/" + (i * 7)).ip("198.51.100.70").cookieless("fresh-" + i),
                    Duration.ofSeconds(2));
        }

        assertThat(h.detections("cookies.refused")).singleElement().satisfies(d -> {
            assertThat(d.scope() + "|" + d.value()).isEqualTo("ip|198.51.100.70");
            assertThat(d.action()).isEqualTo("challenge");
        });
    }

    @Test
    void twenty_people_arriving_through_one_nat_with_the_same_browser_are_not_refusing_cookies() {
        for (int person = 0; person < 20; person++) {
            Visitors.browse(h, "198.51.100.80", "nat-" + person, 2, person);
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void twenty_people_arriving_through_one_nat_at_the_same_moment_are_not_refusing_cookies() {
        for (int person = 0; person < 20; person++) {
            h.send(Req.get("/").ip("198.51.100.81").cookieless("burst-" + person), Duration.ofMillis(10));
        }
        for (int person = 0; person < 20; person++) {
            Visitors.readPage(h, "198.51.100.81", "burst-" + person, "/products/" + person);
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void one_session_cookie_used_from_many_addresses_is_blocked() {
        for (int i = 0; i < 6; i++) {
            h.send(Req.get("/account").ip("100.64." + i + ".1").session("stolen"), Duration.ofSeconds(20));
        }

        assertThat(h.detections("session.shared")).singleElement().satisfies(d -> {
            assertThat(d.scope() + "|" + d.value()).isEqualTo("session|stolen");
            assertThat(d.action()).isEqualTo("block");
        });
    }

    @Test
    void a_phone_moving_between_wifi_and_mobile_data_is_not_a_shared_session() {
        for (int i = 0; i < 10; i++) {
            Visitors.readPage(h, i % 2 == 0 ? "203.0.113.50" : "100.64.9.9", "phone", "/products/" + (i * 11));
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void verified_good_bots_are_left_to_protector() {
        for (int i = 0; i < 30; i++) {
            h.send(Req.get("/products/" + i).ua("Mozilla/5.0 (compatible; Googlebot/2.1)").ip("66.249.66.1")
                    .cookieless("g" + i).noAcceptLanguage().edge("allow", "goodbot:googlebot"));
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void undecodable_log_record_is_skipped_and_the_next_one_is_judged() {
        h.sendRaw("198.51.100.90", "{not json");
        for (int i = 0; i < 3; i++) {
            h.send(Req.get("/.env").ip("198.51.100.90").status(404).cookieless("x" + i));
        }

        assertThat(h.detections("scanning.probe-paths")).hasSize(1);
    }
}
