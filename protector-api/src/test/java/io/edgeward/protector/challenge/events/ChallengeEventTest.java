package io.edgeward.protector.challenge.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client can put into a challenge event, and its exact wire form. */
class ChallengeEventTest {

    static final Instant T = Instant.parse("2026-12-07T05:00:00.123Z");

    @Test
    void the_value_has_every_field_in_contract_order_with_milliseconds() {
        ChallengeEvent e = ChallengeEvent.of(T, ChallengeEvent.Kind.FAILED, "pow", "wrong_answer", 1234L,
                "AbCdEf0123456789AbCdEf", "203.0.113.7");

        assertThat(new String(ChallengeEventJson.encode(e), StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"time\":\"2026-12-07T05:00:00.123Z\",\"event\":\"failed\",\"provider\":\"pow\","
                        + "\"reason\":\"wrong_answer\",\"solveMs\":1234,\"sessionId\":\"AbCdEf0123456789AbCdEf\","
                        + "\"clientIp\":\"203.0.113.7\"}");
        assertThat(ChallengeEventJson.encode(ChallengeEvent.of(Instant.parse("2026-12-07T05:00:00Z"),
                ChallengeEvent.Kind.ISSUED, "pow", null, null, null, null)))
                .asString(StandardCharsets.UTF_8).contains("\"time\":\"2026-12-07T05:00:00.000Z\"");
    }

    @Test
    void words_a_client_made_up_become_null() {
        ChallengeEvent e = ChallengeEvent.of(T, ChallengeEvent.Kind.FAILED, "evil-provider\n", "<script>", null,
                "not a session id", "999.1.1.1");

        assertThat(e.provider()).isNull();
        assertThat(e.reason()).isNull();
        assertThat(e.sessionId()).isNull();
        assertThat(e.clientIp()).isNull();
        assertThat(e.key()).isNull();
    }

    @Test
    void a_session_id_over_64_characters_is_dropped_and_the_address_becomes_the_key() {
        ChallengeEvent e = ChallengeEvent.of(T, ChallengeEvent.Kind.LIMITED, "turnstile", "address", null,
                "a".repeat(65), "2001:DB8:0:0:0:0:0:7");

        assertThat(e.sessionId()).isNull();
        assertThat(e.clientIp()).isEqualTo("2001:db8::7");
        assertThat(e.key()).isEqualTo("2001:db8::7");
        assertThat(e.reason()).isEqualTo("address");
    }

    @Test
    void blocking_scopes_are_known_reasons_and_a_negative_solve_time_is_zero() {
        ChallengeEvent e = ChallengeEvent.of(T, ChallengeEvent.Kind.BLOCKED, "pow", "cidr", -5L, "sess-1", null);

        assertThat(e.reason()).isEqualTo("cidr");
        assertThat(e.solveMs()).isZero();
        assertThat(e.key()).isEqualTo("sess-1");
    }
}
