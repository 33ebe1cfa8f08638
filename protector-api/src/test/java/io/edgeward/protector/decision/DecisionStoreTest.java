package io.edgeward.protector.decision;

import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionStoreTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock);
    private int ids;

    private Decision put(ListKind list, Scope scope, String value, Action action, Duration ttl) {
        Decision d = new Decision("d" + (++ids), list, scope, ScopeValues.canonical(scope, value), action, "test", "admin",
                clock.instant(), ttl == null ? null : clock.instant().plus(ttl));
        store.put(d);
        return d;
    }

    private static Subject ip(String ip) {
        return Subject.of(ip, null, null, null, null, null);
    }

    @Test
    void an_ipv6_decision_matches_any_spelling_of_the_address() {
        Decision d = put(ListKind.DECISION, Scope.IP, "2001:db8:0:0:0:0:0:7", Action.BLOCK, Duration.ofMinutes(5));
        assertThat(store.match(ListKind.DECISION, ip("2001:db8::7"))).contains(d);
        assertThat(store.match(ListKind.DECISION, ip("2001:db8::8"))).isEmpty();
    }

    @Test
    void the_longest_matching_cidr_wins() {
        put(ListKind.DECISION, Scope.CIDR, "10.0.0.0/8", Action.MONITOR, Duration.ofMinutes(5));
        Decision narrow = put(ListKind.DECISION, Scope.CIDR, "10.1.0.0/16", Action.BLOCK, Duration.ofMinutes(5));
        assertThat(store.match(ListKind.DECISION, ip("10.1.2.3"))).contains(narrow);
        assertThat(store.match(ListKind.DECISION, ip("10.2.2.3")).map(Decision::action)).contains(Action.MONITOR);
    }

    @Test
    void an_ip_decision_is_more_specific_than_a_country_decision() {
        put(ListKind.DECISION, Scope.COUNTRY, "de", Action.CHALLENGE, Duration.ofMinutes(5));
        Decision byIp = put(ListKind.DECISION, Scope.IP, "198.51.100.7", Action.BLOCK, Duration.ofMinutes(5));
        Subject s = Subject.of("198.51.100.7", null, null, null, null, "DE");
        assertThat(store.match(ListKind.DECISION, s)).contains(byIp);
    }

    @Test
    void an_expired_decision_no_longer_matches_and_is_purged() {
        put(ListKind.DECISION, Scope.IP, "198.51.100.7", Action.BLOCK, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.match(ListKind.DECISION, ip("198.51.100.7"))).isEmpty();
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void a_newer_record_with_the_same_key_replaces_the_older_and_its_id() {
        Decision first = put(ListKind.DECISION, Scope.SESSION, "s1", Action.CHALLENGE, Duration.ofMinutes(5));
        Decision second = put(ListKind.DECISION, Scope.SESSION, "s1", Action.BLOCK, Duration.ofMinutes(5));
        assertThat(store.activeById(first.id())).isEmpty();
        assertThat(store.activeById(second.id())).contains(second);
        assertThat(store.active(ListKind.DECISION, null, null)).containsExactly(second);
    }

    @Test
    void removing_a_key_removes_the_entry() {
        Decision d = put(ListKind.ALLOWLIST, Scope.CIDR, "2001:db8::/48", Action.ALLOW, null);
        store.remove(DecisionKey.parse("allowlist|cidr|2001:0db8:0::/48"));
        assertThat(store.match(ListKind.ALLOWLIST, ip("2001:db8::1"))).isEmpty();
        assertThat(store.activeById(d.id())).isEmpty();
    }

    @Test
    void lists_are_separate() {
        put(ListKind.ALLOWLIST, Scope.IP, "198.51.100.7", Action.ALLOW, null);
        assertThat(store.match(ListKind.DECISION, ip("198.51.100.7"))).isEmpty();
        assertThat(store.match(ListKind.ALLOWLIST, ip("198.51.100.7"))).isPresent();
    }
}
