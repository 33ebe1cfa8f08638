package io.edgeward.protector;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.http.RouteGroup;
import io.edgeward.protector.support.FakeDns;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Http.checkBody;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static io.edgeward.protector.support.Protectors.EDGE_KEY_2;
import static io.edgeward.protector.support.Protectors.METRICS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API of one Protector over real HTTP, backed by a real Kafka broker. */
@ExtendWith(KafkaBrokerExtension.class)
class ProtectorHttpTest {

    static final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    static ProtectorServer server;
    static Http http;

    @BeforeAll
    static void start(KafkaBroker broker) {
        // A stand-in for the challenge feature's route group, to prove the extension point and its auth.
        RouteGroup challenge = app -> app.post("/v1/challenge/stand-in", ctx -> ctx.json(Map.of("verified", true)));
        server = Protectors.start(Protectors.config(broker, "decisions-http-" + System.nanoTime())
                        .metricsToken(METRICS_TOKEN).build(),
                ProtectorServer.Dependencies.defaults().withClock(clock).withDns(new FakeDns())
                        .withRouteGroups(List.of(challenge)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode check(String ip) {
        Http.Response r = http.post("/v1/check", EDGE_KEY, checkBody(ip, CHROME));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode add(String list, String body) {
        Http.Response r = http.post("/v1/admin/" + list, ADMIN_TOKEN, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static void assertProblem(Http.Response r, int status, String error, String detailPart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().path("error").asText()).isEqualTo(error);
        assertThat(r.json().path("detail").asText()).contains(detailPart);
    }

    @Test
    void an_unknown_visitor_is_allowed_with_the_default_ttl() {
        JsonNode answer = check("203.0.113.1");
        assertThat(answer.path("action").asText()).isEqualTo("allow");
        assertThat(answer.path("ttl").asInt()).isEqualTo(60);
        assertThat(answer.has("decisionId")).isTrue();
        assertThat(answer.path("decisionId").isNull()).isTrue();
    }

    @Test
    void check_needs_an_edge_key_and_accepts_every_rotated_one() {
        assertProblem(http.post("/v1/check", null, checkBody("203.0.113.1", CHROME)), 401, "unauthorized", "edge");
        assertProblem(http.post("/v1/check", "not-the-edge-key-at-all", checkBody("203.0.113.1", CHROME)), 401, "unauthorized", "edge");
        assertProblem(http.post("/v1/check", ADMIN_TOKEN, checkBody("203.0.113.1", CHROME)), 401, "unauthorized", "edge");
        assertThat(http.post("/v1/check", EDGE_KEY_2, checkBody("203.0.113.1", CHROME)).status()).isEqualTo(200);
    }

    @Test
    void an_added_route_group_under_challenge_is_behind_the_edge_key() {
        assertProblem(http.post("/v1/challenge/stand-in", null, "{}"), 401, "unauthorized", "edge");
        assertProblem(http.post("/v1/challenge/stand-in", ADMIN_TOKEN, "{}"), 401, "unauthorized", "edge");
        Http.Response ok = http.post("/v1/challenge/stand-in", EDGE_KEY, "{}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("verified").asBoolean()).isTrue();
    }

    @Test
    void admin_needs_the_admin_token_and_never_the_edge_key() {
        assertProblem(http.get("/v1/admin/decisions", null), 401, "unauthorized", "admin");
        assertProblem(http.get("/v1/admin/decisions", "wrong-admin-token-0123456789"), 401, "unauthorized", "admin");
        assertProblem(http.get("/v1/admin/decisions", EDGE_KEY), 401, "unauthorized", "admin");
        assertProblem(http.post("/v1/admin/allowlist", EDGE_KEY, "{}"), 401, "unauthorized", "admin");
        assertProblem(http.delete("/v1/admin/decisions/x", EDGE_KEY), 401, "unauthorized", "admin");
    }

    @Test
    void an_admin_block_is_served_by_the_very_next_check() {
        JsonNode stored = add("decisions", """
                {"scope":"ip","value":"198.51.100.7","action":"block","duration":"PT10M","reason":"credential stuffing"}""");
        assertThat(stored.path("id").asText()).isNotBlank();
        assertThat(stored.path("list").asText()).isEqualTo("decision");
        assertThat(stored.path("source").asText()).isEqualTo("admin");
        assertThat(stored.path("expiresAt").asText()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).toString());

        JsonNode answer = check("198.51.100.7");
        assertThat(answer.path("action").asText()).isEqualTo("block");
        assertThat(answer.path("reason").asText()).isEqualTo("credential stuffing");
        assertThat(answer.path("decisionId").asText()).isEqualTo(stored.path("id").asText());
    }

    @Test
    void decisions_can_be_listed_filtered_and_deleted() {
        JsonNode a = add("decisions", """
                {"scope":"cidr","value":"2001:db8:100::/48","action":"challenge","duration":"PT1H","reason":"scan"}""");
        add("decisions", """
                {"scope":"country","value":"zz","action":"monitor","duration":"PT1H"}""");
        assertThat(check("2001:db8:100::9").path("action").asText()).isEqualTo("challenge");

        JsonNode filtered = http.get("/v1/admin/decisions?scope=cidr&value=2001:0db8:100:0::/48", ADMIN_TOKEN).json();
        assertThat(filtered.path("items")).hasSize(1);
        assertThat(filtered.path("items").get(0).path("value").asText()).isEqualTo("2001:db8:100::/48");
        assertThat(http.get("/v1/admin/decisions?scope=country", ADMIN_TOKEN).json().path("items"))
                .anySatisfy(item -> assertThat(item.path("value").asText()).isEqualTo("ZZ"));

        assertThat(http.delete("/v1/admin/decisions/" + a.path("id").asText(), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(check("2001:db8:100::9").path("action").asText()).isEqualTo("allow");
        assertProblem(http.delete("/v1/admin/decisions/" + a.path("id").asText(), ADMIN_TOKEN), 404, "not_found", a.path("id").asText());
    }

    @Test
    void asn_and_user_agent_decisions_match_the_check_fields() {
        add("decisions", """
                {"scope":"asn","value":"AS64511","action":"challenge","duration":"PT10M"}""");
        String body = checkBody("203.0.113.200", CHROME).replace("\"asn\":null", "\"asn\":64511");
        assertThat(http.post("/v1/check", EDGE_KEY, body).json().path("action").asText()).isEqualTo("challenge");

        add("decisions", """
                {"scope":"user_agent","value":"ShopScraper/2.0 (+https://scraper.example)","action":"block","duration":"PT10M"}""");
        Http.Response r = http.post("/v1/check", EDGE_KEY, checkBody("203.0.113.201", "ShopScraper/2.0 (+https://scraper.example)"));
        assertThat(r.json().path("action").asText()).isEqualTo("block");
    }

    @Test
    void an_allowlist_entry_wins_over_a_block_and_can_be_removed() {
        add("decisions", """
                {"scope":"ip","value":"192.0.2.77","action":"block","duration":"PT1H"}""");
        JsonNode allow = add("allowlist", """
                {"scope":"cidr","value":"192.0.2.0/24","reason":"office"}""");
        assertThat(allow.path("action").asText()).isEqualTo("allow");
        assertThat(allow.path("expiresAt").isNull()).isTrue();
        assertThat(check("192.0.2.77").path("action").asText()).isEqualTo("allow");
        assertThat(http.get("/v1/admin/allowlist", ADMIN_TOKEN).json().path("items"))
                .anySatisfy(item -> assertThat(item.path("id").asText()).isEqualTo(allow.path("id").asText()));
        assertProblem(http.delete("/v1/admin/decisions/" + allow.path("id").asText(), ADMIN_TOKEN), 404, "not_found", "decision");

        assertThat(http.delete("/v1/admin/allowlist/" + allow.path("id").asText(), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(check("192.0.2.77").path("action").asText()).isEqualTo("block");
    }

    @Test
    void an_admin_decision_expires_with_the_clock() {
        add("decisions", """
                {"scope":"ip","value":"198.51.100.200","action":"challenge","duration":"PT2M"}""");
        assertThat(check("198.51.100.200").path("action").asText()).isEqualTo("challenge");
        clock.advance(Duration.ofMinutes(2));
        assertThat(check("198.51.100.200").path("action").asText()).isEqualTo("allow");
        assertThat(http.get("/v1/admin/decisions?scope=ip&value=198.51.100.200", ADMIN_TOKEN).json().path("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown scope     | {\"scope\":\"host\",\"value\":\"x\",\"action\":\"block\",\"duration\":\"PT1M\"}            | scope must be one of",
            "not an ip         | {\"scope\":\"ip\",\"value\":\"example.com\",\"action\":\"block\",\"duration\":\"PT1M\"}      | 'example.com'",
            "bad v4 cidr       | {\"scope\":\"cidr\",\"value\":\"10.0.0.0/33\",\"action\":\"block\",\"duration\":\"PT1M\"}     | '10.0.0.0/33'",
            "bad v6 cidr       | {\"scope\":\"cidr\",\"value\":\"2001:db8::/129\",\"action\":\"block\",\"duration\":\"PT1M\"}   | '2001:db8::/129'",
            "unknown action    | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"deny\",\"duration\":\"PT1M\"}         | 'deny'",
            "bad duration      | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":\"10 minutes\"}   | '10 minutes'",
            "negative duration | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":\"-PT1M\"}       | duration must be > 0",
            "missing duration  | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\"}                              | duration is required",
            "misspelt field    | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duraton\":\"PT1M\"}         | duraton",
            "not json          | scope=ip                                                                                    | JSON object",
            "array body        | [1]                                                                                         | JSON object",
            "wrong type        | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":{}}            | field \"duration\" has the wrong type",
    })
    void invalid_decisions_are_rejected_with_a_clear_message(String name, String body, String detail) {
        Http.Response response = http.post("/v1/admin/decisions", ADMIN_TOKEN, body);
        assertProblem(response, 400, "bad_request", detail);
        assertThat(response.json().path("detail").asText()).doesNotContain("io.edgeward", "com.fasterxml");
    }

    @Test
    void an_allowlist_entry_cannot_block() {
        assertProblem(http.post("/v1/admin/allowlist", ADMIN_TOKEN, """
                {"scope":"ip","value":"192.0.2.1","action":"block"}"""), 400, "bad_request", "allowlist entries always allow");
    }

    @Test
    void an_invalid_check_is_rejected_and_names_the_problem() {
        assertProblem(http.post("/v1/check", EDGE_KEY, "{\"userAgent\":\"x\"}"), 400, "bad_request", "clientIp is required");
        assertProblem(http.post("/v1/check", EDGE_KEY, checkBody("not-an-ip", CHROME)), 400, "bad_request", "'not-an-ip'");
        assertProblem(http.post("/v1/check", EDGE_KEY, "{\"clientIp\":"), 400, "bad_request", "JSON check request");
    }

    @Test
    void an_oversized_body_is_rejected_with_413() {
        String huge = checkBody("203.0.113.1", "x".repeat(70_000));
        Http.Response r = http.post("/v1/check", EDGE_KEY, huge);
        assertProblem(r, 413, "too_large", "too large");
    }

    @Test
    void an_unknown_path_answers_the_problem_shape() {
        assertProblem(http.get("/nope", null), 404, "not_found", "/nope");
    }

    @Test
    void health_and_readiness_answer_without_auth_and_reveal_nothing_else() {
        Http.Response health = http.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
        Http.Response ready = http.get("/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    }

    @Test
    void metrics_need_the_metrics_token_and_count_checks() {
        check("203.0.113.99");
        http.get("/nope", null);
        assertProblem(http.get("/metrics", null), 401, "unauthorized", "metrics");
        assertProblem(http.get("/metrics", ADMIN_TOKEN), 401, "unauthorized", "metrics");
        Http.Response metrics = http.get("/metrics", METRICS_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("protector_checks_total{action=\"allow\",basis=\"default\"")
                .contains("protector_decisions_ready 1.0")
                .contains("protector_http_requests_seconds_count{method=\"POST\",path=\"/v1/check\",status=\"200\"}")
                .contains("path=\"unmatched\",status=\"404\"")
                .doesNotContain("/nope");
    }
}
