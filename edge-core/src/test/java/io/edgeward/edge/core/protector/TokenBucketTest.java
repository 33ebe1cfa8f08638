package io.edgeward.edge.core.protector;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** One test per rule of the Protector call budget; the clock is moved by hand. */
class TokenBucketTest {

    private final FakeClock clock = new FakeClock(1_795_000_000_000L);

    @Test
    void a_full_bucket_allows_one_burst_then_sheds() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire()).isTrue();
        }
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void tokens_come_back_at_the_configured_rate() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        drain(bucket);

        clock.advanceMillis(99);
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advanceMillis(1);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }

    @Test
    void a_long_pause_refills_at_most_one_burst() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        drain(bucket);

        clock.advanceSeconds(3600);

        assertThat(bucket.available()).isEqualTo(5);
    }

    @Test
    void calls_of_established_sessions_are_never_refused_but_are_spent_first() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        for (int i = 0; i < 8; i++) {
            bucket.acquire();
        }

        assertThat(bucket.tryAcquire()).as("the debt is paid before cookieless checks go out").isFalse();
        clock.advanceMillis(300);
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advanceMillis(100);
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void the_debt_is_bounded_by_one_burst() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        for (int i = 0; i < 1000; i++) {
            bucket.acquire();
        }

        clock.advanceSeconds(1);

        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void a_clock_going_back_adds_nothing() {
        TokenBucket bucket = new TokenBucket(10, 5, clock);
        drain(bucket);

        clock.advanceSeconds(-60);

        assertThat(bucket.tryAcquire()).isFalse();
    }

    private static void drain(TokenBucket bucket) {
        while (bucket.tryAcquire()) {
            // spend the burst
        }
    }
}
