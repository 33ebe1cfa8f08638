package io.edgeward.protector;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.edgeward.protector.support.Http.CHROME;
import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaign and route scopes, the sessionless and route qualifiers, and the new check fields, over real HTTP and Kafka. */
@ExtendWith(KafkaBrokerExtension.class)
class QualifiedDecisionsHttpTest {

    /** The campaign test's browser, so its campaign decision touches no other test's visitors. */
    static final String OTHER_BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    static ProtectorServer server;
    static Http http;
    static String topic;
    static KafkaBroker kafka;

    @BeforeAll
    static void start(KafkaBroker broker) {
        kafka = broker;
        topic = "decisions-qualified-" + System.nanoTime();
        server = Protectors.start(broker, topic, clock);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A check body as the edge of this wave sends it (contract C1), for a cookieless or an established visitor. */
    static String check(String ip, String method, String path, boolean established) {
        return check(ip, method, path, established, CHROME);
    }

    static String check(String ip, String method, String path, boolean established, String userAgent) {
        long now = clock.instant().getEpochSecond();
        String session = established
                ? "\"sessionId\":\"AbCdEf0123456789AbCdEQ\",\"cookieState\":\"valid\",\"sessionIssuedAt\":" + (now - 3600)
                        + ",\"sessionGeneration\":4,"
                : "\"cookieState\":\"none\",";
        return """
                {"clientIp":"%s","userAgent":"%s",%s"challengePassed":false,"host":"shop.example","method":"%s",
                 "path":"%s","country":"DE","ja4":"t13d1516h2_8daaf6152771_02713d6af862",
                 "headerNames":"host,user-agent,accept,accept-language",
                 "headers":{"accept":"text/html","accept-language":"de","sec-fetch-mode":"navigate"}}
                """.formatted(ip, userAgent, session, method, path);
    }

    static JsonNode answer(String body) {
        Http.Response r = http.post("/v1/check", EDGE_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode add(String list, String body) {
        Http.Response r = http.post("/v1/admin/" + list, ADMIN_TOKEN, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_qualified_decision_round_trips_through_the_admin_api() {
        JsonNode stored = add("decisions", """
                {"scope":"cidr","value":"198.51.100.0/24","action":"challenge","duration":"PT10M",
                 "reason":"login flood","sessionless":true,"route":"post /login"}""");
        assertThat(stored.path("sessionless").asBoolean()).isTrue();
        assertThat(stored.path("route").asText()).isEqualTo("POST /login");

        JsonNode listed = http.get("/v1/admin/decisions?scope=cidr&value=198.51.100.0/24", ADMIN_TOKEN).json().path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("route").asText()).isEqualTo("POST /login");
        assertThat(listed.get(0).path("sessionless").asBoolean()).isTrue();

        assertThat(answer(check("198.51.100.9", "POST", "/login", false)).path("action").asText()).isEqualTo("challenge");
        assertThat(answer(check("198.51.100.9", "POST", "/login", true)).path("action").asText()).isEqualTo("allow");
        assertThat(answer(check("198.51.100.9", "GET", "/products/1", false)).path("action").asText()).isEqualTo("allow");

        assertThat(http.delete("/v1/admin/decisions/" + stored.path("id").asText(), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(answer(check("198.51.100.9", "POST", "/login", false)).path("action").asText()).isEqualTo("allow");
    }

    @Test
    void a_decision_without_qualifiers_is_written_as_before() {
        JsonNode stored = add("decisions", """
                {"scope":"ip","value":"192.0.2.90","action":"monitor","duration":"PT10M"}""");
        assertThat(stored.has("sessionless")).isFalse();
        assertThat(stored.has("route")).isFalse();
    }

    @Test
    void a_route_decision_puts_a_path_under_attack_for_cookieless_visitors_only() {
        add("decisions", """
                {"scope":"route","value":"POST /checkout","action":"challenge","duration":"PT30M","reason":"under attack"}""");
        assertThat(answer(check("203.0.113.90", "POST", "/checkout/pay", false)).path("reason").asText()).isEqualTo("under attack");
        assertThat(answer(check("203.0.113.91", "POST", "/checkout/pay", true)).path("action").asText()).isEqualTo("allow");
    }

    @Test
    void an_allowlist_entry_takes_a_route_qualifier() {
        add("decisions", """
                {"scope":"ip","value":"192.0.2.91","action":"block","duration":"PT10M"}""");
        JsonNode allow = add("allowlist", """
                {"scope":"ip","value":"192.0.2.91","route":"GET /health","reason":"monitoring probe"}""");
        assertThat(allow.path("route").asText()).isEqualTo("GET /health");
        assertThat(answer(check("192.0.2.91", "GET", "/health", false)).path("action").asText()).isEqualTo("allow");
        assertThat(answer(check("192.0.2.91", "GET", "/", false)).path("action").asText()).isEqualTo("block");
    }

    @Test
    void a_block_answer_carries_its_scope_and_expiry() {
        add("decisions", """
                {"scope":"ip","value":"192.0.2.92","action":"block","duration":"PT10M"}""");
        JsonNode a = answer(check("192.0.2.92", "GET", "/", false));
        assertThat(a.path("blockScope").asText()).isEqualTo("ip");
        assertThat(a.path("blockUntil").asLong()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond());
        JsonNode allowed = answer(check("192.0.2.93", "GET", "/", false));
        assertThat(allowed.has("blockScope")).isFalse();
        assertThat(allowed.has("blockUntil")).isFalse();
    }

    @Test
    void a_scoped_check_asks_only_for_those_scopes() {
        add("decisions", """
                {"scope":"ip","value":"192.0.2.94","action":"block","duration":"PT10M"}""");
        String scoped = check("192.0.2.94", "GET", "/", false).replace("\"host\"", "\"scopes\":[\"ja4\",\"ja3\",\"country\",\"asn\"],\"host\"");
        assertThat(answer(scoped).path("action").asText()).isEqualTo("allow");
    }

    @Test
    void a_campaign_decision_from_detection_with_qualifiers_in_its_key_is_served() throws Exception {
        String campaign = io.edgeward.edge.core.campaign.CampaignKey.of(OTHER_BROWSER, "host,user-agent,accept,accept-language",
                "de", "t13d1516h2_8daaf6152771_02713d6af862", data -> {
                    try {
                        return java.security.MessageDigest.getInstance("SHA-256").digest(data);
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                });
        try (KafkaProducer<String, String> detection = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            detection.send(new ProducerRecord<>(topic, "decision|campaign|" + campaign + "|sessionless", """
                    {"id":"3b1f6c1e-0000-4000-8000-000000000001","list":"decision","scope":"campaign","value":"%s",
                     "action":"block","reason":"rotating scraper","source":"detection:campaign","sessionless":true,
                     "createdAt":"2026-12-06T11:59:00Z","expiresAt":"2026-12-06T13:00:00Z"}""".formatted(campaign))).get();
        }
        await().untilAsserted(() -> assertThat(answer(check("203.0.113.95", "GET", "/", false, OTHER_BROWSER)).path("action").asText())
                .isEqualTo("block"));
        assertThat(answer(check("203.0.113.96", "GET", "/", true, OTHER_BROWSER)).path("action").asText())
                .as("an established visitor with the same browser").isEqualTo("allow");
        assertThat(answer(check("203.0.113.97", "GET", "/", false, OTHER_BROWSER)).path("decisionId").asText())
                .isEqualTo("3b1f6c1e-0000-4000-8000-000000000001");
    }

    @Test
    void a_solved_challenge_spares_an_older_challenge_for_a_while_but_never_a_block() {
        add("decisions", """
                {"scope":"ip","value":"192.0.2.95","action":"challenge","duration":"PT2H","reason":"scraping"}""");
        clock.advance(Duration.ofSeconds(30));
        long passed = clock.instant().getEpochSecond();
        String solved = check("192.0.2.95", "GET", "/", false).replace("\"challengePassed\":false",
                "\"challengePassed\":true,\"challengePassedAt\":" + passed + ",\"challengePasses\":1");
        JsonNode spared = answer(solved);
        assertThat(spared.path("action").asText()).isEqualTo("allow");
        assertThat(spared.path("reason").asText()).isEqualTo("challenge passed; was: scraping");
        clock.advance(Duration.ofMinutes(30));
        assertThat(answer(solved).path("action").asText()).as("the window is over").isEqualTo("challenge");

        add("decisions", """
                {"scope":"ip","value":"192.0.2.95","action":"block","duration":"PT1H","reason":"still scraping"}""");
        assertThat(answer(solved).path("action").asText()).isEqualTo("block");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "route without method    | {\"scope\":\"route\",\"value\":\"/login\",\"action\":\"challenge\",\"duration\":\"PT1M\"}                 | '/login'",
            "route without slash     | {\"scope\":\"route\",\"value\":\"POST login\",\"action\":\"challenge\",\"duration\":\"PT1M\"}             | must start with /",
            "route qualifier bad     | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":\"PT1M\",\"route\":\"x\"}       | route must be",
            "route with a fragment   | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":\"PT1M\",\"route\":\"GET /a#b\"} | 'GET /a#b'",
            "campaign not hex        | {\"scope\":\"campaign\",\"value\":\"not-a-campaign!!\",\"action\":\"block\",\"duration\":\"PT1M\"}          | 16 hex characters",
            "sessionless not boolean | {\"scope\":\"ip\",\"value\":\"192.0.2.1\",\"action\":\"block\",\"duration\":\"PT1M\",\"sessionless\":[1]}  | field \"sessionless\" has the wrong type",
            "unknown scope names all | {\"scope\":\"host\",\"value\":\"x\",\"action\":\"block\",\"duration\":\"PT1M\"}                          | campaign, ja4",
    })
    void bad_new_fields_are_rejected_with_a_clear_message(String name, String body, String detail) {
        Http.Response r = http.post("/v1/admin/decisions", ADMIN_TOKEN, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("detail").asText()).contains(detail);
    }

    @Test
    void the_decision_memory_metrics_are_exported() {
        String metrics = http.get("/metrics", null).body();
        assertThat(metrics).contains("protector_decisions_shed_total").contains("protector_decisions_bytes");
    }
}
