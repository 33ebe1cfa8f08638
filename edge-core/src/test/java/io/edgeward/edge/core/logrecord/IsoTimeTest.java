package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

    @Test
    void formats_the_contract_example() {
        assertThat(IsoTime.format(Instant.parse("2026-11-23T13:40:43.123Z").toEpochMilli()))
                .isEqualTo("2026-11-23T13:40:43.123Z");
        assertThat(IsoTime.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void agrees_with_java_time_across_centuries_and_leap_days() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-2_208_988_800_000L, 253_402_300_799_999L);
            assertThat(IsoTime.format(millis)).isEqualTo(iso.format(Instant.ofEpochMilli(millis)));
        }
        assertThat(IsoTime.format(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli()))
                .isEqualTo("2024-02-29T23:59:59.999Z");
    }
}
