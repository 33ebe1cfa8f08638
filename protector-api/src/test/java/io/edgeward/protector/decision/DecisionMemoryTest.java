package io.edgeward.protector.decision;

import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound of decision memory and what goes first when it is full. */
class DecisionMemoryTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock, new DecisionMemory(100, 64L * 1024 * 1024));
    private int next;

    private Decision put(Action action, Duration ttl, String source) {
        int i = next++;
        Decision d = new Decision(UUID.nameUUIDFromBytes(("d" + i).getBytes()).toString(), ListKind.DECISION, Scope.IP,
                "10.0." + (i / 250) + "." + (i % 250), action, "r", source, clock.instant(), clock.instant().plus(ttl));
        store.put(d);
        return d;
    }

    private long count(Action action) {
        return store.active(ListKind.DECISION, null, null).stream().filter(d -> d.action() == action).count();
    }

    @Test
    void a_full_store_sheds_challenges_before_any_block() {
        for (int i = 0; i < 60; i++) {
            put(Action.BLOCK, Duration.ofMinutes(5), "detection:x");
        }
        for (int i = 0; i < 60; i++) {
            put(Action.CHALLENGE, Duration.ofHours(5), "detection:x");
        }
        assertThat(store.size()).isLessThanOrEqualTo(100);
        assertThat(count(Action.BLOCK)).isEqualTo(60);
        assertThat(store.shedDecisions()).isEqualTo(120 - store.size());
    }

    @Test
    void among_challenges_the_soonest_expiring_go_first() {
        Decision shortLived = put(Action.CHALLENGE, Duration.ofMinutes(1), "detection:x");
        for (int i = 0; i < 100; i++) {
            put(Action.CHALLENGE, Duration.ofHours(1), "detection:x");
        }
        assertThat(store.activeById(shortLived.id())).isEmpty();
        assertThat(store.shedDecisions()).isPositive();
    }

    @Test
    void a_new_challenge_is_itself_shed_when_only_blocks_are_left() {
        for (int i = 0; i < 100; i++) {
            put(Action.BLOCK, Duration.ofMinutes(1), "detection:x");
        }
        Decision challenge = put(Action.CHALLENGE, Duration.ofDays(1), "detection:x");
        assertThat(store.activeById(challenge.id())).isEmpty();
        assertThat(count(Action.BLOCK)).isEqualTo(100);
    }

    @Test
    void an_administrators_challenge_outlives_detections_but_not_a_block() {
        Decision adminChallenge = put(Action.CHALLENGE, Duration.ofMinutes(1), "admin");
        for (int i = 0; i < 100; i++) {
            put(Action.CHALLENGE, Duration.ofHours(1), "detection:x");
        }
        assertThat(store.activeById(adminChallenge.id())).isPresent();
    }

    @Test
    void expired_entries_go_before_anything_is_shed() {
        for (int i = 0; i < 100; i++) {
            put(Action.CHALLENGE, Duration.ofMinutes(1), "detection:x");
        }
        clock.advance(Duration.ofMinutes(1));
        put(Action.CHALLENGE, Duration.ofMinutes(10), "detection:x");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.shedDecisions()).isZero();
    }

    @Test
    void allowlist_entries_are_never_shed() {
        for (int i = 0; i < 50; i++) {
            store.put(new Decision("a" + i, ListKind.ALLOWLIST, Scope.IP, "192.0.2." + i, Action.ALLOW, null, "admin",
                    clock.instant(), null));
        }
        for (int i = 0; i < 100; i++) {
            put(Action.BLOCK, Duration.ofHours(1), "detection:x");
        }
        assertThat(store.active(ListKind.ALLOWLIST, null, null)).hasSize(50);
    }

    @Test
    void the_byte_bound_sheds_too() {
        DecisionStore small = new DecisionStore(clock, new DecisionMemory(1_000_000, 1024 * 1024));
        String longAgent = "Mozilla/5.0 ".repeat(80);
        for (int i = 0; i < 2_000; i++) {
            small.put(new Decision("u" + i, ListKind.DECISION, Scope.USER_AGENT, longAgent + i, Action.CHALLENGE, "r",
                    "detection:x", clock.instant(), clock.instant().plus(Duration.ofHours(1))));
        }
        assertThat(small.estimatedBytes()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(small.shedDecisions()).isPositive();
    }
}
