package io.edgeward.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuardsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T05:00:00Z"));

    @Test
    void same_origin_and_metadata_free_posts_pass_while_other_sites_do_not_whatever_their_origin_says() {
        assertThat(CrossSiteCheck.refusal("same-origin", "https://console.example", "console.example")).isNull();
        assertThat(CrossSiteCheck.refusal(null, null, "console.example")).isNull();
        assertThat(CrossSiteCheck.refusal("none", null, "console.example")).isNull();
        assertThat(CrossSiteCheck.refusal("cross-site", null, "console.example")).isNotNull();
        assertThat(CrossSiteCheck.refusal("same-site", null, "console.example")).isNotNull();
        assertThat(CrossSiteCheck.refusal(null, "https://console.example.evil.test", "console.example")).isNotNull();
        assertThat(CrossSiteCheck.refusal("cross-site", "null", "console.example")).isNotNull();
        assertThat(CrossSiteCheck.refusal("same-origin", "null", "console.example")).isNull();
        assertThat(CrossSiteCheck.refusal(null, "http://console.example:8084", "console.example")).isNotNull();
    }

    @Test
    void an_attacker_with_many_addresses_cannot_grow_the_throttle_without_bound() {
        LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15), 100);
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2.1");
        }
        assertThat(throttle.waitBeforeAttempt("192.0.2.1")).isPositive();
        assertThat(throttle.waitBeforeAttempt("192.0.2.2")).isZero();
    }

    @Test
    void sessions_are_bounded_and_the_least_recently_used_goes_first() {
        SessionStore store = new SessionStore(clock, Duration.ofHours(8), Duration.ofMinutes(30), 3);
        String kept = store.create().id();
        clock.advance(Duration.ofSeconds(1));
        String dropped = store.create().id();
        clock.advance(Duration.ofSeconds(1));
        String third = store.create().id();
        clock.advance(Duration.ofSeconds(1));
        store.find(kept);
        store.create();
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(kept)).isPresent();
        assertThat(store.find(dropped)).isEmpty();
        assertThat(store.find(third)).isPresent();
    }

    @Test
    void equal_secrets_match_and_any_difference_or_absence_does_not() {
        assertThat(Secrets.constantTimeEquals("token-value", "token-value")).isTrue();
        assertThat(Secrets.constantTimeEquals("token-valuf", "token-value")).isFalse();
        assertThat(Secrets.constantTimeEquals("token-value-longer", "token-value")).isFalse();
        assertThat(Secrets.constantTimeEquals(null, "token-value")).isFalse();
    }
}
