package io.edgeward.console;

import static io.edgeward.console.support.InMemoryFigures.detection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import io.edgeward.console.support.InMemoryFigures;
import io.edgeward.console.support.StandInProtector.Received;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every action writes through the admin API's contract; failures are told and lose nothing typed. */
class DecisionsPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void adding_a_decision_posts_the_admin_api_json_and_comes_back_with_a_flash() throws Exception {
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.post("/console/decisions", operator.form("list", "decisions",
                "scope", "ip", "value", " 198.51.100.7 ", "action", "challenge", "duration", "10m", "reason", "scanner"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/decisions?list=decisions");

        Received post = console.protector.writes().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/v1/admin/decisions");
        assertThat(JSON.readTree(post.body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"ip\",\"value\":\"198.51.100.7\",\"action\":\"challenge\",\"duration\":\"PT10M\","
                        + "\"reason\":\"scanner\"}"));

        String page = operator.get("/console/decisions?list=decisions").body();
        assertThat(page).contains("Added challenge on ip 198.51.100.7", "<tr data-id=\"d1\"");
        assertThat(operator.get("/console/decisions?list=decisions").body()).doesNotContain("Added challenge");
    }

    @Test
    void qualifiers_and_the_allowlist_are_sent_as_the_contract_names_them() throws Exception {
        ConsoleClient operator = console.signedIn();
        operator.post("/console/decisions", operator.form("list", "decisions", "scope", "user_agent",
                "value", "curl/8.0", "action", "block", "duration", "PT1H", "reason", "", "sessionless", "true",
                "route", "POST /login"));
        operator.post("/console/decisions", operator.form("list", "allowlist", "scope", "cidr",
                "value", "192.0.2.0/24", "duration", "", "reason", "office"));
        List<Received> writes = console.protector.writes();
        assertThat(JSON.readTree(writes.get(0).body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"user_agent\",\"value\":\"curl/8.0\",\"action\":\"block\",\"duration\":\"PT1H\","
                        + "\"sessionless\":true,\"route\":\"POST /login\"}"));
        assertThat(writes.get(1).path()).isEqualTo("/v1/admin/allowlist");
        assertThat(JSON.readTree(writes.get(1).body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"cidr\",\"value\":\"192.0.2.0/24\",\"reason\":\"office\"}"));
    }

    @Test
    void extending_posts_the_same_scope_value_and_qualifiers_with_the_new_duration_which_replaces_the_entry()
            throws Exception {
        ConsoleClient operator = console.signedIn();
        operator.post("/console/decisions", operator.form("list", "decisions", "scope", "ip", "value", "198.51.100.9",
                "action", "block", "duration", "PT10M", "reason", "burst", "sessionless", "true", "route", "GET /api"));
        String id = (String) console.protector.entries("decisions").get(0).get("id");

        HttpResponse<String> response = operator.post("/console/decisions/" + id + "/extend",
                operator.form("list", "decisions", "duration", "P7D"));
        assertThat(response.statusCode()).isEqualTo(303);
        List<Received> writes = console.protector.writes();
        assertThat(JSON.readTree(writes.get(1).body())).isEqualTo(JSON.readTree(
                "{\"scope\":\"ip\",\"value\":\"198.51.100.9\",\"action\":\"block\",\"duration\":\"P7D\","
                        + "\"reason\":\"burst\",\"sessionless\":true,\"route\":\"GET /api\"}"));
        assertThat(console.protector.entries("decisions")).hasSize(1);
        assertThat(operator.get("/console/decisions").body()).contains("Extended block on ip 198.51.100.9");
    }

    @Test
    void removing_deletes_by_id_and_a_second_removal_says_it_was_already_gone() {
        ConsoleClient operator = console.signedIn();
        String id = console.protector.seed("decisions", "ip", "203.0.113.5", "block", "test", 3);
        assertThat(operator.post("/console/decisions/" + id + "/remove", operator.form("list", "decisions"))
                .statusCode()).isEqualTo(303);
        Received delete = console.protector.writes().get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo("/v1/admin/decisions/" + id);
        assertThat(operator.get("/console/decisions").body()).contains("Removed entry " + id);

        operator.post("/console/decisions/" + id + "/remove", operator.form("list", "decisions"));
        assertThat(operator.get("/console/decisions").body()).contains("already gone");
    }

    @Test
    void a_refused_entry_shows_protectors_reason_and_keeps_what_was_typed() {
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.post("/console/decisions", operator.form("list", "decisions",
                "scope", "ip", "value", "not-an-address", "action", "challenge", "duration", "PT5M",
                "reason", "typed with care"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Protector refused this entry: value is not an IP address",
                "value=\"not-an-address\"", "value=\"typed with care\"", "value=\"PT5M\"",
                "<option value=\"challenge\" selected>");
        assertThat(console.protector.entries("decisions")).isEmpty();
    }

    @Test
    void the_list_pages_with_limit_offset_and_searches_with_contains() {
        for (int i = 0; i < 60; i++) {
            console.protector.seed("decisions", "ip", "198.51.100." + i, "block", "batch", i);
        }
        ConsoleClient operator = console.signedIn();
        String first = operator.get("/console/decisions").body();
        assertThat(first).contains("60 active decisions match; page 1 of 2", "rel=\"next\"");
        assertThat(first.split("<tr data-id=", -1)).hasSize(51);
        String second = operator.get("/console/decisions?list=decisions&page=2").body();
        assertThat(second.split("<tr data-id=", -1)).hasSize(11);
        assertThat(console.protector.received().stream().map(Received::query))
                .contains("limit=50&offset=0", "limit=50&offset=50");

        String found = operator.get("/console/decisions?q=100.42&scope=ip").body();
        assertThat(found).contains("1 active decisions match", "198.51.100.42");
        assertThat(console.protector.received().get(console.protector.received().size() - 1).query())
                .isEqualTo("scope=ip&contains=100.42&limit=50&offset=0");
    }

    @Test
    void the_detections_block_button_opens_the_add_form_prefilled() {
        console.figures.detections.add(detection(Instant.now(), "scraping.breadth", "ip", "203.0.113.7", "breadth",
                Map.of(), null, "blast radius"));
        ConsoleClient operator = console.signedIn();
        String detections = operator.get("/console/detections").body();
        assertThat(detections).contains("<tr data-scope=\"ip\" data-value=\"203.0.113.7\">", "class=\"block-address\"",
                "action=\"/console/decisions#add-decision\"");
        String form = operator.get("/console/decisions?list=decisions&scope=ip&value=203.0.113.7&action=block"
                + "&reason=console%3A+after+scraping.breadth").body();
        assertThat(form).contains("id=\"add-decision\"", "id=\"add-submit\"", "value=\"203.0.113.7\"",
                "value=\"console: after scraping.breadth\"");
        assertThat(console.protector.writes()).isEmpty();
    }

    @Test
    void with_protector_down_the_pages_render_a_clear_message_and_a_failed_add_keeps_the_form() {
        InMemoryFigures figures = new InMemoryFigures();
        try (ConsoleServer down = ConsoleFixture.withProtectorDown(figures)) {
            ConsoleClient operator = new ConsoleClient(down.port());
            operator.login(ConsoleFixture.TOKEN);
            HttpResponse<String> page = operator.get("/console/decisions");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("could not be listed", "could not be reached");
            HttpResponse<String> explain = operator.get("/console/explain?kind=address&value=203.0.113.7");
            assertThat(explain.statusCode()).isEqualTo(200);
            assertThat(explain.body()).contains("Active decisions could not be read from Protector");

            HttpResponse<String> add = operator.post("/console/decisions", operator.form("list", "decisions",
                    "scope", "ip", "value", "198.51.100.7", "action", "block", "duration", "PT1H", "reason", "kept"));
            assertThat(add.statusCode()).isEqualTo(503);
            assertThat(add.body()).contains("Not saved", "value=\"198.51.100.7\"", "value=\"kept\"");
        }
    }
}
