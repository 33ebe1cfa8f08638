package io.edgeward.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("current-key-0123456789", "previous-key-0123456789"));

    @Test
    void every_configured_key_matches_and_nothing_else_does() {
        assertThat(keys.matches("current-key-0123456789")).isTrue();
        assertThat(keys.matches("previous-key-0123456789")).isTrue();
        assertThat(keys.matches("current-key-012345678")).isFalse();
        assertThat(keys.matches("current-key-01234567890")).isFalse();
        assertThat(keys.matches("")).isFalse();
    }
}
