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
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.session.SensorState;
import io.edgeward.edge.core.session.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /.edgeward/s.js} and {@code POST /.edgeward/signals} through the viewer-request policy. */
class SensorEndpointsTest {

    private final SensorFixture edge = new SensorFixture(Map.of());

    @Test
    void the_script_carries_a_nonce_bound_to_the_visitors_session_and_is_never_cached() {
        Session session = edge.newSession();

        CfResponse script = response(edge.get(SCRIPT, edge.cookieOf(session)));

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).isEqualTo("no-store");
        assertThat(script.header("X-Edgeward-Sensor")).isEqualTo(SensorScript.VERSION);
        assertThat(script.body()).startsWith(SensorScript.SOURCE);
        JsonNode nonce = claimsOf("n=" + nonceIn(script));
        assertThat(nonce.path("t").asText()).isEqualTo("sn");
        assertThat(nonce.path("sid").asText()).isEqualTo(session.id());
        assertThat(script.header("Set-Cookie")).isNull();
        assertThat(edge.http.calls()).isEmpty();
    }

    @Test
    void a_visitor_without_a_cookie_gets_a_session_with_the_script_and_its_nonce_is_bound_to_it() {
        CfResponse script = response(edge.get(SCRIPT, null));

        String cookie = script.header("Set-Cookie");
        assertThat(cookie).startsWith("__Host-ew=");
        assertThat(claimsOf("n=" + nonceIn(script)).path("sid").asText())
                .isEqualTo(claimsOf(cookie.substring(0, cookie.indexOf(';'))).path("sid").asText());
    }

    @Test
    void a_report_is_relayed_to_protector_and_the_verdict_rides_in_the_cookie() {
        Session session = edge.newSession();
        String cookie = edge.cookieOf(session);
        String nonce = nonceIn(response(edge.get(SCRIPT, cookie)));
        edge.http.answer(200, verdict("human", 1800, 0));

        CfResponse answer = response(edge.post(SIGNALS, cookie, report(nonce, "", 12)));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(edge.http.calls()).hasSize(1);
        assertThat(edge.http.calls().get(0).url()).isEqualTo("http://127.0.0.1:8081/v1/signals");
        JsonNode relayed = SensorFixture.read(edge.http.calls().get(0).body());
        assertThat(relayed.path("sessionId").asText()).isEqualTo(session.id());
        assertThat(relayed.path("nonce").asText()).isEqualTo(claimsOf("n=" + nonce).path("n").asText());
        assertThat(relayed.path("signals").path("i").path("pm").asInt()).isEqualTo(12);
        assertThat(relayed.path("signals").has("n")).isFalse();
        JsonNode claims = claimsOf(cookieSetBy(edge.post(SIGNALS, cookie, report(nonceIn(response(
                edge.get(SCRIPT, cookie))), "", 3))));
        assertThat(claims.path("sv").asText()).isEqualTo("human");
        assertThat(claims.path("su").asLong()).isEqualTo(edge.now() + 1800);
    }

    @Test
    void a_session_whose_verdict_holds_gets_a_settled_script_cached_privately_until_it_stops_holding() {
        Session human = edge.newSession().withSensor(SensorState.NONE.reported("human", edge.now(), 1800, 0));
        edge.clock.advanceSeconds(800);

        CfResponse script = response(edge.get(SCRIPT, edge.cookieOf(human)));

        assertThat(script.body()).isEqualTo(SensorEndpoints.SETTLED_BODY);
        assertThat(script.header("Cache-Control")).isEqualTo("private, max-age=1000");
    }

    @Test
    void protector_away_the_report_is_answered_without_a_verdict_but_the_page_count_starts_again() {
        Session counted = edge.newSession().withSensor(new SensorState(null, 0, 0, 0, 3));
        String cookie = edge.cookieOf(counted);
        String nonce = nonceIn(response(edge.get(SCRIPT, cookie)));
        edge.http.fail("connection refused");

        var result = edge.post(SIGNALS, cookie, report(nonce, "", 0));

        assertThat(response(result).status()).isEqualTo(202);
        JsonNode claims = claimsOf(cookieSetBy(result));
        assertThat(claims.has("np")).isFalse();
        assertThat(claims.has("sv")).isFalse();
        assertThat(edge.policy.sensorStats().get("unavailable")).isEqualTo(1);
    }

    @Test
    void the_sensor_paths_are_the_origins_when_the_sensor_is_off() {
        SensorFixture off = new SensorFixture(Map.of("enabled", false));

        var result = off.get("/.edgeward/s.js", off.cookieOf(off.newSession()));

        assertThat(result).isInstanceOf(io.edgeward.edge.core.decision.EdgeResult.Forward.class);
    }

    @Test
    void a_get_of_the_report_path_or_a_post_of_the_script_is_refused() {
        String cookie = edge.cookieOf(edge.newSession());

        assertThat(response(edge.get(SIGNALS, cookie)).status()).isEqualTo(405);
        assertThat(response(edge.post(SCRIPT, cookie, "x")).status()).isEqualTo(405);
    }
}
