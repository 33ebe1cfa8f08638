package io.edgeward.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T13:40:43Z", "2026-11-23T13:40:43.1Z", "2026-11-23T13:40:43.123Z",
            "2026-11-23T13:40:43.123456789Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z",
            "2026-11-23T15:40:43.123+02:00", "2026-11-23T13:40:43.Z"})
    void parses_as_instant_parse_does(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T13:40:43Z", "2026-11-23T24:40:43Z", "2026-11-23T13:40:43.1234567890Z", "2026-11-23 13:40:43Z", "2026-11-23T13:40:4xZ",
            "23/Nov/2026:13:40:43 +0000", ""})
    void refuses_what_instant_parse_refuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void a_negative_fraction_sign_is_not_a_digit() {
        assertThatThrownBy(() -> IsoInstant.parse("2026-11-23T13:40:43.-1Z")).isInstanceOf(DateTimeParseException.class);
    }
}
