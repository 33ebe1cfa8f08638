package io.edgeward.protector;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.support.Http;
import io.edgeward.protector.support.Protectors;
import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract C2 over real HTTP and Kafka: paging, total and contains on the admin lists, and extending an entry. */
@ExtendWith(KafkaBrokerExtension.class)
class AdminListPagingTest {

    static final TestClock clock = new TestClock(Instant.parse("2026-12-07T05:00:00Z"));
    static ProtectorServer server;
    static Http http;
    /** Ids of the paging fixture, oldest first: one decision a second on 192.0.2.1 to .12. */
    static final List<String> fixture = new ArrayList<>();

    @BeforeAll
    static void start(KafkaBroker broker) {
        server = Protectors.start(broker, "decisions-paging-" + System.nanoTime(), clock);
        http = new Http(server.port());
        for (int i = 1; i <= 12; i++) {
            fixture.add(add("192.0.2." + i, "PT1H", i % 3 == 0 ? "Catalogue scraping" : "fixture").path("id").asText());
            clock.advanceSeconds(1);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode add(String ip, String duration, String reason) {
        return add("""
                {"scope":"ip","value":"%s","action":"block","duration":"%s","reason":"%s"}""".formatted(ip, duration,
                reason));
    }

    static JsonNode add(String body) {
        Http.Response response = http.post("/v1/admin/decisions", ADMIN_TOKEN, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static JsonNode list(String query) {
        Http.Response response = http.get("/v1/admin/decisions" + query, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void a_page_is_newest_first_and_the_total_counts_every_match() {
        JsonNode first = list("?contains=192.0.2.&limit=5");
        JsonNode third = list("?contains=192.0.2.&limit=5&offset=10");

        assertThat(ids(first)).containsExactly(fixture.get(11), fixture.get(10), fixture.get(9), fixture.get(8),
                fixture.get(7));
        assertThat(ids(third)).containsExactly(fixture.get(1), fixture.get(0));
        assertThat(first.path("total").asInt()).isEqualTo(12);
        assertThat(third.path("total").asInt()).isEqualTo(12);
    }

    @Test
    void without_a_limit_every_match_comes_oldest_first_with_its_total() {
        JsonNode all = list("?scope=ip&value=192.0.2.4");
        JsonNode everything = list("");

        assertThat(ids(all)).containsExactly(fixture.get(3));
        assertThat(all.path("total").asInt()).isEqualTo(1);
        assertThat(ids(everything)).containsSubsequence(fixture);
        assertThat(everything.path("total").asInt()).isEqualTo(everything.path("items").size());
    }

    @Test
    void contains_finds_the_reason_or_the_id_ignoring_case() {
        JsonNode byReason = list("?contains=CATALOGUE%20SCRAPING");
        JsonNode byId = list("?contains=" + fixture.get(5).toLowerCase());

        assertThat(ids(byReason)).containsExactly(fixture.get(2), fixture.get(5), fixture.get(8), fixture.get(11));
        assertThat(ids(byId)).contains(fixture.get(5));
    }

    @Test
    void limit_zero_gives_only_the_total() {
        JsonNode answer = list("?contains=catalogue&limit=0");

        assertThat(answer.path("items").isEmpty()).isTrue();
        assertThat(answer.path("total").asInt()).isEqualTo(4);
    }

    @Test
    void the_allowlists_page_the_same_way() {
        Http.Response allowlist = http.get("/v1/admin/allowlist?limit=0", ADMIN_TOKEN);
        Http.Response automation = http.get("/v1/admin/allow-automation?limit=10&offset=0", ADMIN_TOKEN);

        assertThat(allowlist.json().has("total")).isTrue();
        assertThat(automation.json().path("items").isArray()).isTrue();
        assertThat(automation.json().has("total")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "limit=1001, limit",
            "limit=-1, limit",
            "limit=ten, limit",
            "offset=-1, offset",
            "offset=1e3, offset",
            "limit=5&offset=x, offset"})
    void a_bad_paging_parameter_is_a_400_naming_it(String query, String parameter) {
        Http.Response response = http.get("/v1/admin/decisions?" + query, ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("bad_request");
        assertThat(response.json().path("detail").asText()).startsWith(parameter + " must be");
    }

    @Test
    void empty_paging_parameters_count_as_absent() {
        JsonNode answer = list("?contains=192.0.2.&limit=&offset=");

        assertThat(ids(answer)).containsExactlyElementsOf(fixture);
        assertThat(answer.path("total").asInt()).isEqualTo(12);
    }

        @Test
    void a_contains_text_longer_than_a_filter_needs_is_a_400() {
        Http.Response response = http.get("/v1/admin/decisions?contains=" + "a".repeat(201), ADMIN_TOKEN);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asText()).startsWith("contains must be");
    }

    @Test
    void posting_the_same_scope_and_value_with_a_longer_duration_replaces_the_entry() {
        JsonNode first = add("198.51.100.40", "PT10M", "first");
        JsonNode extended = add("198.51.100.40", "PT2H", "extended");

        JsonNode listed = list("?scope=ip&value=198.51.100.40");

        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(ids(listed)).containsExactly(extended.path("id").asText());
        assertThat(listed.at("/items/0/expiresAt").asText()).isEqualTo(extended.path("expiresAt").asText());
        assertThat(Instant.parse(extended.path("expiresAt").asText()))
                .isAfter(Instant.parse(first.path("expiresAt").asText()));
        assertThat(http.delete("/v1/admin/decisions/" + first.path("id").asText(), ADMIN_TOKEN).status())
                .isEqualTo(404);
        assertThat(http.post("/v1/check", EDGE_KEY, Http.checkBody("198.51.100.40", CHROME)).json()
                .path("action").asText()).isEqualTo("block");
    }

    @Test
    void the_same_value_with_other_qualifiers_is_another_entry_not_an_extension() {
        add("198.51.100.41", "PT10M", "plain");
        add("""
                {"scope":"ip","value":"198.51.100.41","action":"block","duration":"PT1H","sessionless":true}""");

        JsonNode listed = list("?scope=ip&value=198.51.100.41");

        assertThat(listed.path("total").asInt()).isEqualTo(2);
    }
}
