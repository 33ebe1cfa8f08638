package io.edgeward.edge.core.protector;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.protector.CircuitBreaker.State;
import io.edgeward.edge.core.testing.FakeClock;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final FakeClock clock = new FakeClock(1_000_000);
    private final CircuitBreaker breaker = new CircuitBreaker(3, 30_000, clock);

    @Test
    void stays_closed_below_the_failure_threshold() {
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_success_resets_the_consecutive_count() {
        fail(2);
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void opens_after_n_consecutive_failures_and_refuses_calls_for_the_open_period() {
        fail(3);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceMillis(29_999);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void after_the_open_period_exactly_one_probe_goes_through() {
        fail(3);
        clock.advanceSeconds(30);

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void a_good_probe_closes_the_breaker() {
        fail(3);
        clock.advanceSeconds(30);
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_failed_probe_opens_the_breaker_for_another_period() {
        fail(3);
        clock.advanceSeconds(30);
        breaker.tryAcquire();

        assertThat(breaker.onFailure()).isTrue();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advanceSeconds(29);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceSeconds(1);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_probe_that_never_reports_is_replaced_after_another_open_period() {
        fail(3);
        clock.advanceSeconds(30);
        breaker.tryAcquire();

        clock.advanceSeconds(30);

        assertThat(breaker.tryAcquire()).isTrue();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.tryAcquire();
            breaker.onFailure();
        }
    }
}
