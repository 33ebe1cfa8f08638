package io.edgeward.console;

import static io.edgeward.console.support.InMemoryFigures.detection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.SeenRequest;
import io.edgeward.console.figures.TopEntry;
import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each page shows from the figures and from Protector. */
class PagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void the_overview_draws_the_share_the_series_and_each_top_list_with_text_alternatives() {
        console.figures.top.put(Dimension.ADDRESS, List.of(new TopEntry("203.0.113.7", 500), new TopEntry("198.51.100.1", 50)));
        console.figures.top.put(Dimension.COUNTRY, List.of(new TopEntry("DE", 300)));
        ConsoleClient operator = console.signedIn();
        String hour = operator.get("/console/").body();
        assertThat(hour).contains("id=\"nav-overview\"", "id=\"nav-detections\"", "id=\"nav-decisions\"",
                "id=\"nav-explain\"", "id=\"nav-challenges\"", "id=\"nav-policy\"");
        assertThat(hour).contains("Of 1000 requests: allowed 90.0%, challenged 6.0%, blocked 3.0%, monitored 1.0%",
                "<rect class=\"a-allow\" x=\"0\" y=\"0\" width=\"90\" height=\"10\"/>",
                "Requests over time by action", "Show as a table", "Outcomes, last hour", "Outcomes, last day", "Addresses", "203.0.113.7", "Countries",
                "<rect x=\"0\" y=\"0\" width=\"10\" height=\"6\"/>", "User agents", "Nothing in this period.");
        assertThat(hour.split("<tr><td>", -1)).hasSize(61);
        String day = operator.get("/console/?period=day").body();
        assertThat(day.split("<tr><td>", -1)).hasSize(97);
    }

    @Test
    void the_detections_page_shows_rule_scope_evidence_reason_and_what_became_of_it() {
        Instant now = Instant.now();
        console.figures.detections.add(detection(now, "scraping.breadth", "ip", "203.0.113.7", "120 paths in 1m",
                Map.of("distinctPaths", 120), "dec-1", null));
        console.figures.detections.add(detection(now.minusSeconds(1), "campaign.sessionless", "cidr",
                "198.51.100.0/24", "campaign", Map.of("ips", 40), null, "blast radius: 31 good sessions"));
        String page = console.signedIn().get("/console/detections").body();
        assertThat(page).contains("id=\"detections\"", "scraping.breadth", "distinctPaths=120", "120 paths in 1m",
                "decision dec-1", "none: blast radius: 31 good sessions", "<tr data-scope=\"cidr\"",
                "src=\"/console/assets/live.js\"");
        assertThat(page.split("class=\"block-address\"", -1)).hasSize(2);
    }

    @Test
    void the_live_api_answers_only_detections_after_the_newest_shown() throws Exception {
        Instant then = Instant.parse("2026-12-07T05:00:00Z");
        console.figures.detections.add(detection(then, "scraping.breadth", "ip", "203.0.113.7", "old", Map.of(), null, "x"));
        console.figures.detections.add(detection(then.plusSeconds(30), "pace.regular", "session", "s-9", "new",
                Map.of("gaps", 12), null, "x"));
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.get("/console/api/detections?after=" + then.toEpochMilli());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("rule").asText()).isEqualTo("pace.regular");
        assertThat(body.get("items").get(0).get("evidence").asText()).isEqualTo("gaps=12");
        assertThat(body.get("newest").asLong()).isEqualTo(then.plusSeconds(30).toEpochMilli());
        assertThat(operator.get("/console/api/detections?after=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void the_live_api_does_not_repeat_a_row_the_page_has_within_the_same_millisecond() throws Exception {
        Instant shown = Instant.parse("2026-12-07T05:00:00.123456Z");
        console.figures.detections.add(detection(shown, "scraping.breadth", "ip", "203.0.113.7", "shown", Map.of(),
                null, "x"));
        ConsoleClient operator = console.signedIn();
        String page = operator.get("/console/detections").body();
        assertThat(page).contains("data-after=\"" + shown.toEpochMilli() + "\"");
        JsonNode body = JSON.readTree(operator.get("/console/api/detections?after=" + shown.toEpochMilli()).body());
        assertThat(body.get("items")).isEmpty();
    }

    @Test
    void explain_shows_requests_answers_detections_challenges_and_the_decisions_active_in_protector() {
        Instant now = Instant.now();
        console.figures.requests.add(new SeenRequest(now, "req-7", "203.0.113.7", "s-7", "valid", "GET",
                "shop.example", "/cart", 403, "Mozilla/5.0", "FR", "block", "decision", "d1", "mitigate", "edge"));
        console.figures.detections.add(detection(now, "scalping.cart-add", "ip", "203.0.113.7", "cart adds",
                Map.of(), "d1", null));
        console.figures.challenges.add(new ChallengeEvent(now, "failed", "pow", "wrong_answer", null, "s-7",
                "203.0.113.7"));
        console.protector.seed("decisions", "ip", "203.0.113.7", "block", "from the engine", 2);
        console.protector.seed("allowlist", "session", "s-7", "allow", "support ticket", 2);
        ConsoleClient operator = console.signedIn();

        String byAddress = operator.get("/console/explain?kind=address&value=203.0.113.7").body();
        assertThat(byAddress).contains("id=\"explain-requests\"", "req-7", "/cart", "scalping.cart-add",
                "wrong_answer", "from the engine");

        String byRequest = operator.get("/console/explain?kind=request&value=req-7").body();
        assertThat(byRequest).contains("from the engine", "support ticket");
        assertThat(console.protector.received().stream().map(r -> r.path() + "?" + r.query()))
                .contains("/v1/admin/decisions?scope=ip&value=203.0.113.7&limit=1000&offset=0",
                        "/v1/admin/allowlist?scope=session&value=s-7&limit=1000&offset=0");
    }

    @Test
    void explaining_an_address_lists_the_network_decisions_that_hold_it_and_not_the_others() {
        console.protector.seed("decisions", "cidr", "203.0.113.0/24", "challenge", "noisy network", 2);
        console.protector.seed("decisions", "cidr", "198.51.100.0/24", "block", "someone else's network", 2);
        ConsoleClient operator = console.signedIn();

        String page = operator.get("/console/explain?kind=address&value=203.0.113.7").body();

        assertThat(page).contains("noisy network").doesNotContain("someone else&#39;s network")
                .doesNotContain("someone else's network");
    }

    @Test
    void challenges_show_issued_passed_failed_by_provider_and_solve_times() {
        String page = console.signedIn().get("/console/challenges").body();
        assertThat(page).contains("<th scope=\"row\">pow</th><td>120</td><td>100</td><td>12</td>", "850 ms",
                "2400 ms", "turnstile", "wrong_answer: 9", "Of 120 verifications: passed 83.3%");
    }

    @Test
    void policy_lists_the_rules_in_force_with_their_settings_and_firings() {
        String page = console.signedIn().get("/console/policy").body();
        assertThat(page).contains("the bundled default policy", "<th scope=\"row\">scraping.breadth</th>",
                "<th scope=\"row\">rate.route</th>", "Detections by rule");
        assertThat(page).containsPattern("scraping.breadth</th><td>yes</td>.*<td>42</td><td>17</td></tr>");
    }

    @Test
    void policy_lists_protectors_request_time_rules_with_the_answers_that_carried_their_reason() {
        console.figures.top.put(Dimension.REASON, List.of(new TopEntry("automation or HTTP library user agent", 7)));

        String page = console.signedIn().get("/console/policy").body();

        assertThat(page).contains("id=\"request-rules\"", "automation or HTTP library user agent", "python-requests");
        assertThat(page).containsPattern("automation or HTTP library user agent</td><td data-label=\"Answers\">7</td>");
    }

    @Test
    void when_the_figures_fail_every_page_still_renders_and_says_so() {
        console.figures.failing = true;
        ConsoleClient operator = console.signedIn();
        for (String path : List.of("/console/", "/console/detections", "/console/challenges", "/console/policy",
                "/console/explain?kind=address&value=203.0.113.7")) {
            HttpResponse<String> response = operator.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("The figures are not available right now");
        }
        assertThat(operator.get("/console/api/detections?after=0").statusCode()).isEqualTo(503);
    }
}
