package io.edgeward.edge.core.sensor;

import static io.edgeward.edge.core.sensor.SensorFixture.SCRIPT;
import static io.edgeward.edge.core.sensor.SensorFixture.SIGNALS;
import static io.edgeward.edge.core.sensor.SensorFixture.claimsOf;
import static io.edgeward.edge.core.sensor.SensorFixture.cookieSetBy;
import static io.edgeward.edge.core.sensor.SensorFixture.nonceIn;
import static io.edgeward.edge.core.sensor.SensorFixture.report;
import static io.edgeward.edge.core.sensor.SensorFixture.response;
import static io.edgeward.edge.core.sensor.SensorFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.session.SensorState;
import io.edgeward.edge.core.session.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the sensor's cookie claims make of a session's requests, with no call for a visitor in good standing. */
class SensorPolicyTest {

    private static final String[] PAGE = {"Accept", "text/html,application/xhtml+xml", "Sec-Fetch-Dest", "document"};

    private final SensorFixture edge = new SensorFixture(Map.of("expected", true, "pagesWithoutReport", 3));

    @Test
    void a_session_whose_verdict_is_human_is_served_with_no_call_and_no_new_cookie() {
        Session human = edge.newSession().withSensor(SensorState.NONE.reported("human", edge.now(), 1800, 0));

        EdgeResult result = edge.get("/products/1", edge.cookieOf(human), PAGE);

        assertThat(result).isInstanceOf(EdgeResult.Forward.class);
        assertThat(cookieSetBy(result)).isNull();
        assertThat(edge.http.calls()).isEmpty();
    }

    @Test
    void a_session_whose_verdict_is_automation_is_judged_by_protector_on_every_request() {
        Session robot = edge.newSession().withSensor(SensorState.NONE.reported("automation", edge.now(), 1800, 0));
        edge.http.answer(200, "{\"action\":\"challenge\",\"ttl\":0,\"reason\":\"sensor.automation\"}");

        EdgeResult first = edge.get("/products/1", edge.cookieOf(robot), PAGE);
        edge.get("/products/2", edge.cookieOf(robot), PAGE);

        assertThat(response(first).status()).isEqualTo(403);
        assertThat(edge.http.calls()).hasSize(2);
        JsonNode check = SensorFixture.read(edge.http.calls().get(0).body());
        assertThat(check.path("sensorSuspect").asText()).isEqualTo("automation");
        assertThat(check.path("sensorVerdict").asText()).isEqualTo("automation");
    }

    @Test
    void a_passed_challenge_answers_an_automation_verdict_and_the_script_reports_again() {
        Session robot = edge.newSession().withSensor(SensorState.NONE.reported("automation", edge.now(), 1800, 0));
        edge.clock.advanceSeconds(10);
        Session passed = robot.challengePassedAt(edge.now(), edge.now() + 60);

        EdgeResult page = edge.get("/products/1", edge.cookieOf(passed), PAGE);
        String script = response(edge.get(SCRIPT, edge.cookieOf(passed))).body();

        assertThat(page).isInstanceOf(EdgeResult.Forward.class);
        assertThat(edge.http.calls()).isEmpty();
        assertThat(script).startsWith(SensorScript.SOURCE);
    }

    @Test
    void a_session_that_never_reports_is_suspect_after_the_configured_pages() {
        String cookie = edge.cookieOf(edge.newSession());
        for (int page = 1; page <= 3; page++) {
            EdgeResult result = edge.get("/products/" + page, cookie, PAGE);
            assertThat(result).isInstanceOf(EdgeResult.Forward.class);
            cookie = cookieSetBy(result);
            assertThat(claimsOf(cookie).path("np").asInt()).isEqualTo(page);
        }
        assertThat(edge.http.calls()).isEmpty();
        edge.http.answer(200, "{\"action\":\"challenge\",\"ttl\":0,\"reason\":\"sensor.missing\"}");

        EdgeResult fourth = edge.get("/products/4", cookie, PAGE);

        assertThat(response(fourth).status()).isEqualTo(403);
        assertThat(SensorFixture.read(edge.http.calls().get(0).body()).path("sensorSuspect").asText())
                .isEqualTo("missing");
    }

    @Test
    void a_report_starts_the_page_count_again() {
        Session counted = edge.newSession().withSensor(new SensorState(null, 0, 0, 1, 2));
        String cookie = edge.cookieOf(counted);
        edge.http.answer(200, verdict("unknown", 0, 2));

        EdgeResult reported = edge.post(SIGNALS, cookie, report(nonceIn(response(edge.get(SCRIPT, cookie))), "", 0));

        JsonNode claims = claimsOf(cookieSetBy(reported));
        assertThat(claims.has("np")).isFalse();
        assertThat(claims.path("sq").asInt()).isEqualTo(2);
        assertThat(claims.path("sv").asText()).isEqualTo("unknown");
    }

    @Test
    void assets_api_calls_and_frames_are_not_pages() {
        String cookie = edge.cookieOf(edge.newSession());

        EdgeResult api = edge.get("/api/cart", cookie, "Accept", "application/json", "Sec-Fetch-Dest", "empty");
        EdgeResult frame = edge.get("/embed", cookie, "Accept", "text/html", "Sec-Fetch-Dest", "iframe");
        EdgeResult oldBrowserPage = edge.get("/", cookie, "Accept", "text/html");

        assertThat(cookieSetBy(api)).isNull();
        assertThat(cookieSetBy(frame)).isNull();
        assertThat(claimsOf(cookieSetBy(oldBrowserPage)).path("np").asInt()).isEqualTo(1);
    }

    @Test
    void without_the_sensor_expected_pages_are_not_counted() {
        SensorFixture notExpected = new SensorFixture(Map.of());
        String cookie = notExpected.cookieOf(notExpected.newSession());

        EdgeResult result = notExpected.get("/", cookie, PAGE);

        assertThat(cookieSetBy(result)).isNull();
    }

    @Test
    void an_exempt_client_is_not_counted_once_protector_says_so() {
        Session stale = edge.newSession().checkedUntil(edge.now(), 1);
        edge.http.answer(200, "{\"action\":\"allow\",\"ttl\":60,\"reason\":\"allowlist\",\"sensorExempt\":true}");

        String cookie = cookieSetBy(edge.get("/", edge.cookieOf(stale), PAGE));
        EdgeResult next = edge.get("/products/1", cookie, PAGE);

        assertThat(claimsOf(cookie).path("sv").asText()).isEqualTo("exempt");
        assertThat(cookieSetBy(next)).isNull();
    }

    @Test
    void a_sensor_block_holds_the_session_and_not_its_neighbours_behind_the_same_address() {
        Session robot = edge.newSession().withSensor(SensorState.NONE.reported("automation", edge.now(), 1800, 0));
        edge.http.answer(200, "{\"action\":\"block\",\"ttl\":0,\"reason\":\"sensor.automation\","
                + "\"blockScope\":\"session\",\"blockUntil\":" + (edge.now() + 3600) + "}");
        EdgeResult blocked = edge.get("/products/1", edge.cookieOf(robot), PAGE);
        edge.http.answer(200, "{\"action\":\"allow\",\"ttl\":60}");
        int calls = edge.http.calls().size();

        EdgeResult again = edge.get("/products/2", cookieSetBy(blocked), PAGE);
        EdgeResult neighbour = edge.get("/products/2", edge.cookieOf(edge.newSession()), PAGE);

        assertThat(response(blocked).status()).isEqualTo(403);
        assertThat(response(again).status()).isEqualTo(403);
        assertThat(edge.http.calls()).hasSize(calls);
        assertThat(neighbour).isInstanceOf(EdgeResult.Forward.class);
    }

    @Test
    void a_cookie_of_before_the_sensor_stays_valid() {
        Session old = edge.newSession();
        String cookie = edge.cookieOf(new Session(old.id(), old.issuedAt(), old.expiresAt(), old.checkedUntil(),
                old.generation(), 0, old.userAgentHash()));

        EdgeResult result = edge.get("/api/cart", cookie, "Accept", "application/json");

        assertThat(((EdgeResult.Forward) result).mark().cookieState()).isEqualTo("valid");
        assertThat(claimsOf(cookie).has("sv")).isFalse();
    }
}
