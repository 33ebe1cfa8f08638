package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rate budgets (rule rate.route): machine pace per session, address and network; people never trip them. */
class RateBudgetTest {

    private static final String JSON = "application/json";

    @Test
    void api_client_keeping_its_cookie_at_six_json_calls_a_second_is_challenged_within_seconds() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int page = 1; page <= 900; page++) { // 150 s at six a second
                h.send(Req.get("/api/products").accept(JSON).session("api-bot").ip("198.51.100.60"),
                        Duration.ofMillis(166));
            }

            Detection first = h.detections("rate.route").get(0);
            assertThat(first.scope() + "|" + first.value()).isEqualTo("session|api-bot");
            assertThat(first.action()).isEqualTo("challenge");
            assertThat(first.reason()).matches("rate\\.route:\\S+ \\d+/\\w+ per session exceeded \\(\\d+\\)");
            assertThat(Instant.parse(first.detectedAt()))
                    .isBefore(DetectionHarness.START.plus(Duration.ofSeconds(12)));
            assertThat(h.decisions()).extracting(kv -> kv.key).contains("decision|session|api-bot");
        }
    }

    @Test
    void the_api_budget_names_itself_in_the_reason() {
        // pace budget out of the way: only the /api/ budget can trip
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "{route: \"* /\",          per: session, limit: 30,", "{route: \"* /\", per: session, limit: 3000,"))) {
            for (int page = 1; page <= 100; page++) {
                h.send(Req.get("/api/products").accept(JSON).session("api-bot"), Duration.ofMillis(500));
            }

            assertThat(h.detections("rate.route")).singleElement().satisfies(d ->
                    assertThat(d.reason()).startsWith("rate.route:/api/ 60/min per session exceeded ("));
        }
    }

    @Test
    void a_person_reading_pages_with_their_assets_never_trips_a_budget() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int person = 0; person < 5; person++) {
                Visitors.browse(h, "203.0.113." + (40 + person), "reader-" + person, 30, person);
            }

            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void a_burst_of_a_page_loads_assets_does_not_count() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int load = 0; load < 5; load++) {
                h.send(Req.get("/products/" + load).session("gallery"), Duration.ofMillis(50));
                for (int asset = 0; asset < 60; asset++) {
                    h.send(Req.get("/static/img" + asset + ".webp").session("gallery"), Duration.ofMillis(10));
                }
                h.advance(Duration.ofSeconds(20));
            }

            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void a_single_page_app_fetching_its_data_when_a_view_opens_is_not_machine_pace() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int view = 0; view < 10; view++) {
                h.send(Req.get("/app/view" + view).session("spa"), Duration.ofMillis(100));
                h.send(Req.get("/static/app.js").session("spa"), Duration.ofMillis(100));
                for (int call = 0; call < 8; call++) {
                    h.send(Req.get("/api/data/" + call).accept(JSON).session("spa"), Duration.ofMillis(60));
                }
                h.advance(Duration.ofSeconds(8 + view * 7 % 13)); // people open views at uneven times
            }

            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void head_requests_at_machine_pace_are_challenged() {
        // no-assets out of the way: a HEAD client loads no assets either, and would trip it first
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "scraping.no-assets:          {window: PT5M,  threshold: 20,",
                "scraping.no-assets:          {window: PT5M,  threshold: 200,"))) {
            for (int i = 0; i < 60; i++) {
                h.send(Req.request("HEAD", "/products/" + (i * 7 % 50)).session("header"), Duration.ofMillis(200));
            }

            assertThat(h.detections("rate.route")).singleElement()
                    .satisfies(d -> assertThat(d.scope()).isEqualTo("session"));
        }
    }

    @Test
    void login_posts_over_the_address_budget_are_challenged_on_the_login_route() {
        try (DetectionHarness h = new DetectionHarness()) {
            for (int i = 0; i < 25; i++) {
                // successful logins of many accounts: no failures for credential stuffing to count
                h.send(Req.post("/login", 302).ip("198.51.100.61").cookieless("n" + i), Duration.ofMillis(500));
            }

            Detection d = h.detections("rate.route").get(0);
            assertThat(d.reason()).startsWith("rate.route:POST /login 20/min per address exceeded (");
            assertThat(h.decisionValues()).filteredOn(x -> x.source().equals("detection:rate.route")).singleElement()
                    .satisfies(x -> {
                        assertThat(x.scope() + "|" + x.value()).isEqualTo("ip|198.51.100.61");
                        assertThat(x.route()).isEqualTo("POST /login");
                    });
        }
    }

    @Test
    void a_busy_address_shared_by_well_behaved_sessions_gets_only_a_sessionless_challenge() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: address, limit: 300,", "per: address, limit: 40,"))) {
            for (int person = 0; person < 4; person++) {
                Visitors.browse(h, "192.0.2.50", "campus-" + person, 2, person);
            }
            for (int i = 0; i < 45; i++) {
                h.send(Req.get("/search?q=" + i).ip("192.0.2.50").cookieless("c" + i), Duration.ofMillis(100));
            }

            assertThat(h.decisionValues()).filteredOn(x -> x.source().equals("detection:rate.route"))
                    .singleElement().satisfies(x -> {
                        assertThat(x.scope()).isEqualTo("ip");
                        assertThat(x.action()).isEqualTo("challenge");
                        assertThat(x.isSessionless()).isTrue();
                    });
        }
    }

    @Test
    void a_network_decision_without_a_route_is_refused_while_too_few_sessions_are_known_to_weigh_it() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: network, limit: 1200,", "per: network, limit: 100,"))) {
            for (int i = 0; i < 120; i++) {
                h.send(Req.get("/search?q=" + i).ip("198.51.100." + (i % 250 + 1)).cookieless("r" + i),
                        Duration.ofMillis(300));
            }

            assertThat(h.decisionValues()).noneMatch(x -> x.scope().equals("cidr"));
            assertThat(h.detections("rate.route")).anySatisfy(d -> assertThat(d.reason()).contains("no decision published"));
        }
    }

    @Test
    void cookieless_pace_spread_over_a_slash_24_is_a_sessionless_network_challenge() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: network, limit: 1200,", "per: network, limit: 100,", "minSample: 50", "minSample: 0"))) {
            for (int i = 0; i < 120; i++) {
                h.send(Req.get("/search?q=" + i).ip("198.51.100." + (i % 250 + 1)).cookieless("r" + i),
                        Duration.ofMillis(300));
            }

            assertThat(h.decisionValues()).filteredOn(x -> x.scope().equals("cidr")).singleElement()
                    .satisfies(x -> {
                        assertThat(x.value()).isEqualTo("198.51.100.0/24");
                        assertThat(x.isSessionless()).isTrue();
                        assertThat(x.action()).isEqualTo("challenge");
                        assertThat(x.reason()).startsWith("rate.route:/ 100/min per network exceeded (");
                    });
        }
    }

    @Test
    void people_on_one_network_at_reading_pace_are_not_counted_as_machine_pace() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: network, limit: 1200,", "per: network, limit: 100,"))) {
            for (int person = 0; person < 8; person++) {
                Visitors.browse(h, "198.51.100." + (person + 1), "net-" + person, 8, person);
            }

            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void a_flood_from_the_peoples_network_cannot_get_their_sessions_challenged() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: network, limit: 1200,", "per: network, limit: 100,"))) {
            for (int person = 0; person < 6; person++) {
                Visitors.browse(h, "198.51.100." + (person + 1), "home-" + person, 8, person);
            }
            for (int i = 0; i < 150; i++) {
                h.send(Req.get("/search?q=" + i).ip("198.51.100." + (100 + i % 100)).cookieless("f" + i),
                        Duration.ofMillis(200));
            }

            assertThat(h.decisionValues()).filteredOn(x -> !x.scope().equals("ip"))
                    .allSatisfy(x -> assertThat(x.isSessionless()).as(x.toString()).isTrue());
            assertThat(h.decisionValues()).extracting(Decision::scope).doesNotContain("session");
            // the network holds every well-behaved session seen: no route narrows "* /", so nothing is published
            assertThat(h.detections("rate.route")).filteredOn(d -> d.scope().equals("cidr")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.id()).isNull();
                        assertThat(d.reason()).contains("no decision published: it would touch 6 of 6");
                    });
        }
    }

    @Test
    void a_flood_from_the_peoples_slash_64_cannot_get_their_sessions_challenged() {
        try (DetectionHarness h = new DetectionHarness(Policies.bundledWith(
                "per: network, limit: 1200,", "per: network, limit: 100,"))) {
            for (int person = 0; person < 6; person++) {
                Visitors.browse(h, "2001:db8:7:1::" + Integer.toHexString(person + 1), "v6-" + person, 8, person);
            }
            for (int i = 0; i < 150; i++) {
                h.send(Req.get("/search?q=" + i).ip("2001:db8:7:1:ffff::" + Integer.toHexString(i + 1))
                        .cookieless("g" + i), Duration.ofMillis(200));
            }

            assertThat(h.detections("rate.route")).filteredOn(d -> d.scope().equals("cidr")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.value()).isEqualTo("2001:db8:7:1::/64");
                        assertThat(d.id()).as("refused: the /64 holds the people's sessions").isNull();
                    });
            assertThat(h.decisionValues()).filteredOn(x -> !x.scope().equals("ip"))
                    .allSatisfy(x -> assertThat(x.isSessionless()).as(x.toString()).isTrue());
        }
    }
}
