package io.edgeward.edge.core.sensor;

import static io.edgeward.edge.core.sensor.SensorFixture.SCRIPT;
import static io.edgeward.edge.core.sensor.SensorFixture.SIGNALS;
import static io.edgeward.edge.core.sensor.SensorFixture.nonceIn;
import static io.edgeward.edge.core.sensor.SensorFixture.report;
import static io.edgeward.edge.core.sensor.SensorFixture.response;
import static io.edgeward.edge.core.sensor.SensorFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a script would get one good report to count for other sessions or later, and what the edge says to each
 * attempt: refused with a reason, counted, and (but for a replay, which only Protector can see) never relayed.
 */
class SensorForgeryTest {

    private final SensorFixture edge = new SensorFixture(Map.of("nonceLifetime", "PT5M"));

    @Test
    void a_nonce_issued_to_one_session_is_refused_for_another_as_foreign_session() {
        String farmer = edge.cookieOf(edge.newSession());
        String nonce = nonceIn(response(edge.get(SCRIPT, farmer)));
        String other = edge.cookieOf(edge.newSession());

        assertRefused(edge.post(SIGNALS, other, report(nonce, "", 40)), "foreign-session");
    }

    @Test
    void a_nonce_older_than_its_lifetime_is_refused_as_stale() {
        String cookie = edge.cookieOf(edge.newSession());
        String nonce = nonceIn(response(edge.get(SCRIPT, cookie)));
        edge.clock.advanceSeconds(301);

        assertRefused(edge.post(SIGNALS, cookie, report(nonce, "", 40)), "stale");
    }

    @Test
    void a_nonce_dated_in_the_future_is_refused_as_stale() {
        Session session = edge.newSession();
        String nonce = new SensorNonces(edge.tokens, 300).issue(session.id(), edge.now() + 3600,
                edge.ports.randomness());

        assertRefused(edge.post(SIGNALS, edge.cookieOf(session), report(nonce, "", 40)), "stale");
    }

    @Test
    void a_nonce_signed_with_another_key_or_altered_is_refused_as_forged() {
        Session session = edge.newSession();
        String cookie = edge.cookieOf(session);
        HmacTokenCodec attacker = new HmacTokenCodec(Map.of("k1", "another-key-another-key-another!".getBytes(
                StandardCharsets.UTF_8)), "k1");
        String selfMade = new SensorNonces(attacker, 300).issue(session.id(), edge.now(), edge.ports.randomness());
        String real = nonceIn(response(edge.get(SCRIPT, cookie)));
        String[] parts = real.split("\\.");
        String altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertRefused(edge.post(SIGNALS, cookie, report(selfMade, "", 40)), "forged");
        assertRefused(edge.post(SIGNALS, cookie, report(altered, "", 40)), "forged");
    }

    @Test
    void a_report_without_a_nonce_or_that_is_not_json_is_refused_as_malformed() {
        String cookie = edge.cookieOf(edge.newSession());

        assertRefused(edge.post(SIGNALS, cookie, report(null, "", 40)), "malformed");
        assertRefused(edge.post(SIGNALS, cookie, "{not json"), "malformed");
        assertRefused(edge.post(SIGNALS, cookie, "{\"n\":\"" + "a".repeat(5000) + "\"}"), "malformed");
        assertThat(edge.policy.sensorStats().get("malformed")).isEqualTo(3);
    }

    @Test
    void the_session_cookie_is_not_a_nonce() {
        Session session = edge.newSession();
        String cookie = edge.cookieOf(session);
        String cookieToken = cookie.substring(cookie.indexOf('=') + 1);

        assertRefused(edge.post(SIGNALS, cookie, report(cookieToken, "", 40)), "malformed");
    }

    @Test
    void a_nonce_is_not_a_session_cookie() {
        String nonce = nonceIn(response(edge.get(SCRIPT, edge.cookieOf(edge.newSession()))));

        var result = edge.post(SIGNALS, "__Host-ew=" + nonce, report(nonce, "", 40));

        assertRefused(result, "no-session");
    }

    @Test
    void a_report_without_a_session_cookie_is_refused() {
        String nonce = nonceIn(response(edge.get(SCRIPT, edge.cookieOf(edge.newSession()))));

        assertRefused(edge.post(SIGNALS, null, report(nonce, "", 40)), "no-session");
    }

    @Test
    void a_report_posted_from_another_site_is_refused() {
        String cookie = edge.cookieOf(edge.newSession());
        String nonce = nonceIn(response(edge.get(SCRIPT, cookie)));

        assertRefused(edge.post(SIGNALS, cookie, report(nonce, "", 40), "Sec-Fetch-Site", "cross-site"),
                "cross-site");
    }

    @Test
    void a_replayed_report_is_refused_with_protectors_reason_and_leaves_the_cookie_alone() {
        String cookie = edge.cookieOf(edge.newSession());
        String nonce = nonceIn(response(edge.get(SCRIPT, cookie)));
        edge.http.answer(200, verdict("human", 1800, 0));
        edge.post(SIGNALS, cookie, report(nonce, "", 40));
        edge.http.answer(409, "{\"error\":\"replayed\",\"detail\":\"this nonce was already reported\"}");

        var replay = edge.post(SIGNALS, cookie, report(nonce, "", 40));

        CfResponse refused = response(replay);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"reason\":\"replayed\"");
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(edge.policy.sensorStats().get("replayed")).isEqualTo(1);
    }

    private void assertRefused(io.edgeward.edge.core.decision.EdgeResult result, String reason) {
        int callsBefore = edge.http.calls().size();
        CfResponse response = response(result);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"reason\":\"" + reason + "\"");
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(((io.edgeward.edge.core.decision.EdgeResult.Respond) result).mark().reason())
                .isEqualTo("sensor.rejected:" + reason);
        assertThat(edge.policy.sensorStats().get(reason)).isPositive();
        assertThat(edge.http.calls()).hasSize(callsBefore);
    }
}
