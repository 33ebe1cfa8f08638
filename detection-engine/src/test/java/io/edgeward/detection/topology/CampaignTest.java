package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import io.edgeward.edge.core.campaign.CampaignKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Address-rotating campaigns (rule campaign.sessionless) and decisions on shared attributes: caught by what does
 * not change when the address does, and never turned against people who share the browser.
 */
class CampaignTest {

    private static final String HEADERS = "host,user-agent,accept,accept-language,accept-encoding";
    private static final String CAMPAIGN = CampaignKey.of(Req.CHROME, HEADERS, "en-GB,en;q=0.9",
            "t13d1516h2_8daaf6152771_02713d6af862", new Sha256());

    /** Six requests a second, each from another address, never keeping the cookie it is given. */
    private static void rotatingScraper(DetectionHarness h, int requests) {
        for (int i = 0; i < requests; i++) {
            h.send(Req.get("/products/" + (i * 13 % 400 + 1)).ip("198.51.100." + (i % 200 + 1)).cookieless("b" + i),
                    Duration.ofMillis(166));
        }
    }

    @Test
    void address_rotating_scraper_with_a_browser_user_agent_and_no_cookies_is_a_sessionless_campaign() {
        try (DetectionHarness h = new DetectionHarness()) {
            rotatingScraper(h, 200);

            Detection d = h.detections("campaign.sessionless").get(0);
            assertThat(Instant.parse(d.detectedAt())).isBefore(DetectionHarness.START.plus(Duration.ofSeconds(12)));
            assertThat(h.decisions()).filteredOn(kv -> kv.value.scope().equals("campaign")).singleElement()
                    .satisfies(kv -> {
                        assertThat(kv.value.value()).isEqualTo(CAMPAIGN);
                        assertThat(kv.value.isSessionless()).isTrue();
                        assertThat(kv.value.action()).isEqualTo("challenge");
                        assertThat(kv.value.route()).as("nobody in good standing shares the key: no route needed")
                                .isNull();
                        assertThat(kv.key).isEqualTo("decision|campaign|" + CAMPAIGN + "|sessionless");
                    });
        }
    }

    @Test
    void people_arriving_without_cookies_who_take_them_are_not_a_campaign() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 40; person++) {
                String ip = "203.0.113." + (person + 1);
                h.send(Req.get("/products/" + (person * 7 + 1)).ip(ip).cookieless("p" + person),
                        Duration.ofMillis(150));
                h.send(Req.get("/static/site.css").ip(ip).session("p" + person), Duration.ofMillis(150));
            }

            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void a_crowd_of_people_arriving_does_not_hide_a_rotating_scraper() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int round = 0; round < 100; round++) {
                String ip = "203.0.113." + (round + 1);
                h.send(Req.get("/").ip(ip).cookieless("p" + round), Duration.ofMillis(50));
                h.send(Req.get("/static/site.css").ip(ip).session("p" + round), Duration.ofMillis(50));
                h.send(Req.get("/products/" + round).ip("198.51.100." + (round + 1)).cookieless("b" + round),
                        Duration.ofMillis(66));
            }

            assertThat(h.detections("campaign.sessionless")).singleElement()
                    .satisfies(d -> assertThat(d.value()).isEqualTo(CAMPAIGN));
        }
    }

    @Test
    void a_campaign_sharing_the_peoples_browser_is_narrowed_to_its_route() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 5; person++) {
                Visitors.browse(h, "203.0.113." + (60 + person), "shopper-" + person, 7, person);
            }
            rotatingScraper(h, 200);

            assertThat(h.decisionValues()).filteredOn(d -> d.scope().equals("campaign")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.isSessionless()).isTrue();
                        assertThat(d.route()).isEqualTo("GET /products/");
                        assertThat(d.reason()).contains("narrowed to sessionless GET /products/");
                    });
        }
    }

    @Test
    void address_rotating_credential_stuffing_with_the_peoples_user_agent_touches_no_session() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 36; person++) {
                Visitors.browse(h, "192.0.2." + (person + 1), "human-" + person, 6, person);
            }
            for (int i = 0; i < 300; i++) {
                h.send(Req.post("/login", 401).ip("198.51.100." + (i % 150 + 1)).cookieless("s" + i),
                        Duration.ofMillis(200));
            }
            for (int person = 0; person < 36; person++) {
                Visitors.readPage(h, "192.0.2." + (person + 1), "human-" + person, "/products/" + person);
            }

            assertThat(h.detections("credential-stuffing.distributed")).isNotEmpty();
            assertThat(h.detections("campaign.sessionless")).isNotEmpty();
            assertThat(h.decisionValues()).isNotEmpty().allSatisfy(d -> {
                assertThat(d.scope()).as(d.toString()).isNotEqualTo("session");
                // route decisions (under-attack mode) apply only to requests without an established session
                assertThat(d.isSessionless() || d.scope().equals("route")
                        || d.scope().equals("ip") && d.value().startsWith("198.51.100.")).as(d.toString()).isTrue();
            });
            assertThat(h.decisionValues()).filteredOn(d -> d.scope().equals("user_agent")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.route()).isEqualTo("POST /login");
                        assertThat(d.action()).isEqualTo("challenge");
                    });
        }
    }

    @Test
    void stuffing_under_a_fingerprint_no_person_uses_is_challenged_sessionless_everywhere() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 5; person++) {
                Visitors.browse(h, "192.0.2." + (person + 1), "human-" + person, 6, person);
            }
            for (int i = 0; i < 30; i++) {
                h.send(Req.post("/login", 401).ip("198.51.100." + (i + 1)).cookieless("s" + i).ja4("t13d_botnet_fp")
                        .ua("Mozilla/5.0 (X11; Linux x86_64; rv:99.0) Gecko/20100101 Firefox/99.0"),
                        Duration.ofSeconds(1));
            }

            assertThat(h.decisionValues()).filteredOn(d -> d.scope().equals("ja4")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.isSessionless()).isTrue();
                        assertThat(d.route()).as("a shared attribute keeps to the attacker's route, shared or not")
                                .isEqualTo("POST /login");
                    });
        }
    }

    @Test
    void a_shared_attribute_is_never_escalated_to_block() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int offence = 0; offence < 4; offence++) {
                for (int i = 0; i < 25; i++) {
                    h.send(Req.post("/login", 401).ip("198.51.100." + (i + 1)).cookieless("o" + offence + i)
                            .ja4("t13d_botnet_fp"), Duration.ofSeconds(1));
                }
                h.advance(Duration.ofHours(3));
            }

            assertThat(h.detections("credential-stuffing.distributed")).filteredOn(d -> d.scope().equals("ja4"))
                    .hasSize(4).extracting(Detection::action).containsOnly("challenge");
            assertThat(h.decisionValues()).extracting(Decision::action).doesNotContain("block");
        }
    }
}
