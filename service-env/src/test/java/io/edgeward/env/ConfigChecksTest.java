package io.edgeward.env;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void a_failed_requirement_carries_its_message() {
        assertThatCode(() -> ConfigChecks.require(true, "unused")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConfigChecks.require(false, "x must be set"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x must be set");
    }

    @Test
    void only_a_positive_duration_is_positive() {
        assertThatCode(() -> ConfigChecks.positive(Duration.ofMillis(1), "t")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ConfigChecks.positive(Duration.ZERO, "t")).hasMessage("t must be > 0, was PT0S");
        assertThatThrownBy(() -> ConfigChecks.positive(Duration.ofSeconds(-1), "t"))
                .hasMessage("t must be > 0, was PT-1S");
        assertThatThrownBy(() -> ConfigChecks.positive(null, "t")).hasMessage("t must be > 0, was null");
    }
}
