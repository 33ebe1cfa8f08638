package io.edgeward.passive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Backoff backoff(double random) {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> random);
    }

    @Test
    void delay_doubles_per_attempt_up_to_the_cap() {
        assertThat(backoff(1.0).delay(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff(1.0).delay(2, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff(1.0).delay(4, null)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff(1.0).delay(30, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitter_spreads_the_delay_over_its_upper_half() {
        assertThat(backoff(0.0).delay(4, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff(0.5).delay(4, null)).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void retry_after_is_a_floor_capped_at_the_maximum() {
        assertThat(backoff(0.0).delay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff(0.0).delay(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff(1.0).delay(4, Duration.ZERO)).isEqualTo(Duration.ofMillis(800));
    }
}
