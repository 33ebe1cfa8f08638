package io.edgeward.protector.decision;

import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compact form gives back what was stored; keys with qualifiers (contract C4). */
class CompactDecisionsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock);

    private Decision roundTrip(Decision d) {
        store.put(d);
        return store.activeById(d.id()).orElseThrow();
    }

    private Decision decision(Scope scope, String value, String id, boolean sessionless, String route) {
        return new Decision(id, ListKind.DECISION, scope, ScopeValues.canonical(scope, value), Action.CHALLENGE, "why",
                "detection:r", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)), sessionless,
                route == null ? null : RouteSpec.parse(route, "route"));
    }

    @Test
    void every_scope_comes_back_as_stored() {
        String[][] cases = {
                {"ip", "198.51.100.7"}, {"ip", "2001:db8::7"}, {"cidr", "10.1.0.0/16"}, {"cidr", "2001:db8:aa::/48"},
                {"session", "AbCdEf0123456789AbCdEQ"}, {"session", "not-the-edge-format"}, {"campaign", "00a1b2c3d4e5f607"},
                {"ja4", "t13d1516h2_8daaf6152771_02713d6af862"}, {"user_agent", "Scraper/1.0 | with a bar"},
                {"asn", "64500"}, {"country", "DE"}, {"route", "POST /login"}};
        int i = 0;
        for (String[] c : cases) {
            Decision d = decision(Scope.fromWire(c[0]).orElseThrow(), c[1], "id-" + (i++), i % 2 == 0, i % 3 == 0 ? "* /api/" : null);
            assertThat(roundTrip(d)).as(c[0] + " " + c[1]).isEqualTo(d);
        }
    }

    @Test
    void a_detection_uuid_id_and_times_with_milliseconds_come_back_at_second_precision() {
        Decision d = new Decision("0f8fad5b-d9cb-469f-a165-70867728950e", ListKind.DECISION, Scope.IP, "192.0.2.1",
                Action.BLOCK, "r", "detection:r", Instant.parse("2026-12-06T11:59:59.250Z"),
                Instant.parse("2026-12-06T12:10:00.500Z"));
        Decision back = roundTrip(d);
        assertThat(back.id()).isEqualTo(d.id());
        assertThat(back.createdAt()).isEqualTo(Instant.parse("2026-12-06T11:59:59Z"));
        assertThat(back.expiresAt()).as("never earlier than stored").isEqualTo(Instant.parse("2026-12-06T12:10:01Z"));
    }

    @Test
    void decisions_differing_only_by_qualifiers_are_separate_entries_and_a_tombstone_removes_one() {
        Decision plain = decision(Scope.IP, "192.0.2.9", "plain", false, null);
        Decision sessionless = decision(Scope.IP, "192.0.2.9", "sl", true, null);
        Decision routed = decision(Scope.IP, "192.0.2.9", "rt", true, "POST /login");
        store.put(plain);
        store.put(sessionless);
        store.put(routed);
        assertThat(store.size()).isEqualTo(3);
        store.remove(DecisionKey.parse("decision|ip|192.0.2.9|sessionless"));
        assertThat(store.active(ListKind.DECISION, null, null)).extracting(Decision::id).containsExactlyInAnyOrder("plain", "rt");
    }

    @Test
    void kafka_keys_carry_the_qualifiers_and_parse_back() {
        DecisionKey key = decision(Scope.USER_AGENT, "Bot|1.0", "k", true, "post /login").key();
        assertThat(key.toKafkaKey()).isEqualTo("decision|user_agent|Bot|1.0|sessionless|route=POST /login");
        assertThat(DecisionKey.parse(key.toKafkaKey())).isEqualTo(key);
        assertThat(DecisionKey.parse("decision|ip|192.0.2.1")).isEqualTo(new DecisionKey(ListKind.DECISION, Scope.IP, "192.0.2.1"));
        assertThat(DecisionKey.parse("decision|route|* /api/|sessionless").value()).isEqualTo("* /api/");
    }

    @Test
    void bad_campaign_and_route_values_are_refused_with_the_value() {
        assertThatThrownBy(() -> ScopeValues.canonical(Scope.CAMPAIGN, "xyz")).hasMessageContaining("'xyz'");
        assertThatThrownBy(() -> ScopeValues.canonical(Scope.ROUTE, "/login")).hasMessageContaining("'/login'");
        assertThatThrownBy(() -> ScopeValues.canonical(Scope.ROUTE, "POST login")).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> ScopeValues.canonical(Scope.ROUTE, "PO5T /login")).hasMessageContaining("letters or *");
        assertThat(ScopeValues.canonical(Scope.ROUTE, " post   /login ")).isEqualTo("POST /login");
    }
}
