package io.edgeward.protector.nonces;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpentNoncesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:00:00Z"));
    private final Instant inFiveMinutes = clock.instant().plus(Duration.ofMinutes(5));

    @Test
    void a_nonce_is_claimed_once() {
        SpentNonces spent = new SpentNonces(10, clock);

        assertThat(spent.claim("n1", inFiveMinutes)).isTrue();
        assertThat(spent.claim("n1", inFiveMinutes)).isFalse();
    }

    @Test
    void a_full_set_never_refuses_a_claim_and_lets_the_oldest_go() {
        SpentNonces spent = new SpentNonces(3, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(spent.claim("n" + i, inFiveMinutes.plusSeconds(i))).isTrue();
        }

        assertThat(spent.size()).isEqualTo(3);
        assertThat(spent.evicted()).isEqualTo(2);
        assertThat(spent.isSpent("n0")).isFalse();
        assertThat(spent.isSpent("n4")).isTrue();
    }

    @Test
    void expired_nonces_leave_before_any_unexpired_one_is_pushed_out() {
        SpentNonces spent = new SpentNonces(3, clock);
        spent.claim("short", clock.instant().plusSeconds(10));
        spent.claim("long-1", inFiveMinutes);
        spent.claim("long-2", inFiveMinutes);
        clock.advance(Duration.ofSeconds(10));

        spent.claim("new", inFiveMinutes);

        assertThat(spent.evicted()).isZero();
        assertThat(spent.isSpent("long-1")).isTrue();
        assertThat(spent.isSpent("short")).isFalse();
    }

    @Test
    void records_from_the_topic_that_expired_or_are_not_nonces_are_not_kept() {
        SpentNonces spent = new SpentNonces(10, clock);

        spent.remember("old", clock.instant().minusSeconds(1));
        spent.remember("x".repeat(SpentNonces.MAX_NONCE_CHARS + 1), inFiveMinutes);
        spent.remember("other-instance", inFiveMinutes);

        assertThat(spent.size()).isEqualTo(1);
        assertThat(spent.claim("other-instance", inFiveMinutes)).isFalse();
    }
}
