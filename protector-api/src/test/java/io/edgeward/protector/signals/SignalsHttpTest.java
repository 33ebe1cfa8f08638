package io.edgeward.protector.signals;

import static io.edgeward.protector.support.Protectors.ADMIN_TOKEN;
import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static io.edgeward.protector.support.Protectors.METRICS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.protector.ProtectorServer;
import io.edgeward.protector.support.FakeDns;
import io.edgeward.protector.support.Http;
import io.edgeward.testing.TestClock;
import io.edgeward.protector.support.Protectors;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/signals} and the check's answers to sensor-suspect sessions, over real HTTP with real Kafka. */
@ExtendWith(KafkaBrokerExtension.class)
class SignalsHttpTest {

    static final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    static final String CHROME = Http.CHROME;
    static final AtomicInteger nonces = new AtomicInteger();
    static ProtectorServer server;
    static Http http;

    @BeforeAll
    static void start(KafkaBroker broker) {
        server = Protectors.start(Protectors.config(broker, "decisions-signals-" + System.nanoTime())
                        .metricsToken(METRICS_TOKEN).build(),
                ProtectorServer.Dependencies.defaults().withClock(clock).withDns(new FakeDns()));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_report_with_input_is_human_and_one_with_webdriver_is_automation() {
        JsonNode human = ok(report("203.0.113.10", CHROME, nextNonce(), "[]", 30, 0));
        JsonNode robot = ok(report("203.0.113.10", CHROME, nextNonce(), "[\"webdriver\"]", 30, 0));

        assertThat(human.path("verdict").asText()).isEqualTo("human");
        assertThat(human.path("ttl").asLong()).isEqualTo(1800);
        assertThat(robot.path("verdict").asText()).isEqualTo("automation");
        assertThat(robot.path("reason").asText()).isEqualTo("marker:webdriver");
    }

    @Test
    void signals_need_the_edge_key() {
        assertThat(http.post("/v1/signals", null, report("203.0.113.11", CHROME, nextNonce(), "[]", 1, 0)).status())
                .isEqualTo(401);
        assertThat(http.post("/v1/signals", ADMIN_TOKEN, report("203.0.113.11", CHROME, nextNonce(), "[]", 1, 0))
                .status()).isEqualTo(401);
    }

    @Test
    void a_replayed_nonce_is_refused_and_counted() {
        String nonce = nextNonce();
        ok(report("203.0.113.12", CHROME, nonce, "[]", 30, 0));

        Http.Response replay = http.post("/v1/signals", EDGE_KEY, report("203.0.113.99", CHROME, nonce, "[]", 30, 0));

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().path("error").asText()).isEqualTo("replayed");
        assertThat(http.get("/metrics", METRICS_TOKEN).body())
                .contains("protector_signals_reports_total{outcome=\"replayed\"}");
    }

    @Test
    void an_expired_nonce_is_refused_as_stale() {
        String body = report("203.0.113.13", CHROME, nextNonce(), "[]", 30, 0)
                .replace("\"nonceExpiresAt\":" + expires(), "\"nonceExpiresAt\":" + (clock.instant().getEpochSecond() - 1));

        Http.Response r = http.post("/v1/signals", EDGE_KEY, body);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asText()).isEqualTo("stale");
    }

    @Test
    void a_malformed_report_is_refused_with_what_is_wrong() {
        Http.Response counts = http.post("/v1/signals", EDGE_KEY,
                report("203.0.113.14", CHROME, nextNonce(), "[]", 30, 0).replace("\"pm\":30", "\"pm\":-3"));
        Http.Response markers = http.post("/v1/signals", EDGE_KEY,
                report("203.0.113.14", CHROME, nextNonce(), "[\"<script>\"]", 30, 0));
        Http.Response notJson = http.post("/v1/signals", EDGE_KEY, "{");

        assertThat(counts.status()).isEqualTo(400);
        assertThat(counts.json().path("error").asText()).isEqualTo("malformed");
        assertThat(counts.json().path("detail").asText()).contains("signals.i.pm");
        assertThat(markers.json().path("error").asText()).isEqualTo("malformed");
        assertThat(notJson.json().path("error").asText()).isEqualTo("malformed");
    }

    @Test
    void an_operators_own_tool_on_the_allow_automation_list_is_exempt() {
        Http.Response added = http.post("/v1/admin/allow-automation", ADMIN_TOKEN,
                "{\"scope\":\"ip\",\"value\":\"198.51.100.77\",\"reason\":\"our uptime checks\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("list").asText()).isEqualTo("allow-automation");
        assertThat(added.json().path("action").asText()).isEqualTo("allow");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                verdictOf(report("198.51.100.77", CHROME, nextNonce(), "[\"webdriver\"]", 0, 0)).equals("exempt"));
        JsonNode check = checkSuspect("198.51.100.77", "automation", 0);

        assertThat(check.path("action").asText()).isEqualTo("allow");
        assertThat(check.path("sensorExempt").asBoolean()).isTrue();
        assertThat(http.get("/v1/admin/allow-automation", ADMIN_TOKEN).body()).contains("198.51.100.77");
    }

    @Test
    void the_allow_automation_list_only_allows_and_needs_the_admin_token() {
        assertThat(http.post("/v1/admin/allow-automation", ADMIN_TOKEN,
                "{\"scope\":\"ip\",\"value\":\"198.51.100.78\",\"action\":\"block\"}").status()).isEqualTo(400);
        assertThat(http.post("/v1/admin/allow-automation", EDGE_KEY,
                "{\"scope\":\"ip\",\"value\":\"198.51.100.78\"}").status()).isEqualTo(401);
    }

    @Test
    void a_session_the_sensor_found_automated_is_challenged_then_blocked_once_it_passed_a_challenge() {
        JsonNode first = checkSuspect("203.0.113.20", "automation", 0);
        JsonNode again = checkSuspect("203.0.113.20", "automation", clock.instant().getEpochSecond() - 60);

        assertThat(first.path("action").asText()).isEqualTo("challenge");
        assertThat(first.path("reason").asText()).isEqualTo("sensor.automation:automation");
        assertThat(first.path("challenge").path("token").asText()).isNotEmpty();
        assertThat(again.path("action").asText()).isEqualTo("block");
        assertThat(again.path("blockScope").asText()).isEqualTo("session");
        assertThat(again.path("blockUntil").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
    }

    @Test
    void a_session_that_never_ran_the_sensor_is_challenged_never_blocked() {
        JsonNode first = checkSuspect("203.0.113.21", "missing", 0);
        JsonNode afterPass = checkSuspect("203.0.113.21", "missing", clock.instant().getEpochSecond() - 60);

        assertThat(first.path("action").asText()).isEqualTo("challenge");
        assertThat(first.path("reason").asText()).isEqualTo("sensor.missing");
        assertThat(afterPass.path("action").asText()).isEqualTo("challenge");
    }

    @Test
    void an_allowlisted_client_is_told_it_is_exempt_from_the_sensor() {
        Http.Response added = http.post("/v1/admin/allowlist", ADMIN_TOKEN,
                "{\"scope\":\"ip\",\"value\":\"198.51.100.90\"}");
        assertThat(added.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                checkSuspect("198.51.100.90", "missing", 0).path("sensorExempt").asBoolean());
        Http.Response plain = http.post("/v1/check", EDGE_KEY, Http.checkBody("203.0.113.30", CHROME));
        assertThat(plain.json().has("sensorExempt")).isFalse();
    }

    private static JsonNode checkSuspect(String ip, String suspect, long passedAt) {
        String body = Http.checkBody(ip, CHROME).replace("\"cookieState\":\"stale\"", "\"cookieState\":\"valid\","
                + "\"sensorSuspect\":\"" + suspect + "\",\"sensorVerdict\":\"automation\",\"sensorVerdictAt\":"
                + clock.instant().getEpochSecond() + ",\"challengePassedAt\":" + passedAt + ",\"challengePasses\":"
                + (passedAt > 0 ? 1 : 0));
        Http.Response r = http.post("/v1/check", EDGE_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode ok(String body) {
        Http.Response r = http.post("/v1/signals", EDGE_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String verdictOf(String body) {
        return ok(body).path("verdict").asText();
    }

    private static String nextNonce() {
        return "nonce-" + nonces.incrementAndGet() + "-" + System.nanoTime();
    }

    private static long expires() {
        return clock.instant().getEpochSecond() + 600;
    }

    private static String report(String ip, String ua, String nonce, String markers, int moves, int quiet) {
        return "{\"sessionId\":\"sess-" + nonce + "\",\"clientIp\":\"" + ip + "\",\"userAgent\":\"" + ua
                + "\",\"secChUa\":null,\"host\":\"shop.example\",\"nonce\":\"" + nonce + "\",\"nonceExpiresAt\":"
                + expires() + ",\"quietReports\":" + quiet + ",\"signals\":{\"v\":\"x\",\"a\":" + markers
                + ",\"i\":{\"pm\":" + moves + ",\"pd\":0,\"k\":0,\"t\":0,\"wh\":0,\"sc\":0,\"u\":0,\"c\":0,\"f\":-1},"
                + "\"x\":0.4,\"w\":3,\"r\":\"timer\"}}";
    }
}
