package io.edgeward.console.figures;

import static io.edgeward.console.figures.FiguresDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewFiguresTest {

    @TempDir
    Path state;
    FiguresDriver f;

    @BeforeEach
    void start() {
        f = new FiguresDriver(state);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void hour_series_counts_each_minute_by_edge_action() {
        Instant twoMinutesAgo = NOW.minus(Duration.ofMinutes(2));
        f.log(twoMinutesAgo, "203.0.113.7", "action", "allow");
        f.log(twoMinutesAgo.plusSeconds(5), "203.0.113.7", "action", "challenge");
        f.log(twoMinutesAgo.plusSeconds(9), "203.0.113.8", "action", "block");
        f.log(NOW.minusSeconds(10), "203.0.113.8", "action", "monitor");
        f.log(NOW.minusSeconds(5), "203.0.113.9", "action", null);
        f.flush();

        Overview o = f.figures.overview(Period.HOUR);

        assertThat(o.series()).hasSize(60);
        assertThat(o.from()).isEqualTo(Instant.parse("2026-12-07T04:01:00Z"));
        assertThat(o.to()).isEqualTo(NOW);
        assertThat(o.series().get(59)).isEqualTo(new SeriesPoint(Instant.parse("2026-12-07T05:00:00Z"),
                2, 0, 0, 0, 1));
        assertThat(o.series().get(57)).isEqualTo(new SeriesPoint(Instant.parse("2026-12-07T04:58:00Z"),
                3, 1, 1, 1, 0));
        assertThat(o.series().get(58).total()).isZero();
        assertThat(o.requests()).isEqualTo(5);
        assertThat(o.byAction()).containsExactly(java.util.Map.entry("allow", 1L),
                java.util.Map.entry("challenge", 1L), java.util.Map.entry("block", 1L),
                java.util.Map.entry("monitor", 1L), java.util.Map.entry("other", 1L));
    }

    @Test
    void day_series_sums_minutes_into_quarter_hours_and_keeps_what_the_hour_drops() {
        f.log(Instant.parse("2026-12-07T02:31:00Z"), "203.0.113.7");
        f.log(Instant.parse("2026-12-07T02:44:59Z"), "203.0.113.7");
        f.log(Instant.parse("2026-12-07T04:59:00Z"), "203.0.113.7");
        f.flush();

        Overview day = f.figures.overview(Period.DAY);
        Overview hour = f.figures.overview(Period.HOUR);

        assertThat(day.series()).hasSize(96);
        assertThat(day.series().get(95).start()).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(day.series().get(94)).isEqualTo(new SeriesPoint(Instant.parse("2026-12-07T04:45:00Z"),
                1, 1, 0, 0, 0));
        assertThat(day.series().get(86)).isEqualTo(new SeriesPoint(Instant.parse("2026-12-07T02:45:00Z"),
                0, 0, 0, 0, 0));
        assertThat(day.series().get(85)).isEqualTo(new SeriesPoint(Instant.parse("2026-12-07T02:30:00Z"),
                2, 2, 0, 0, 0));
        assertThat(day.requests()).isEqualTo(3);
        assertThat(hour.requests()).isEqualTo(1);
    }

    @Test
    void request_rate_runs_from_the_first_record_when_that_is_later_than_the_period_start() {
        for (int i = 0; i < 20; i++) {
            f.log(NOW.minusSeconds(100).plusSeconds(i), "203.0.113.7");
        }
        f.flush();

        assertThat(f.figures.overview(Period.HOUR).requestsPerSecond()).isEqualTo(20 / 100.0);
    }

    @Test
    void top_values_rank_each_dimension_most_first() {
        for (int i = 0; i < 5; i++) {
            f.log(NOW.minusSeconds(30 + i), "203.0.113.7", "userAgent", "curl/8.0", "path", "/login",
                    "country", "US");
        }
        for (int i = 0; i < 3; i++) {
            f.log(NOW.minusSeconds(600 + i), "203.0.113.8");
        }
        f.log(NOW.minusSeconds(20), "2001:db8::1", "country", null);
        f.detection(NOW.minusSeconds(40), "scraping.no-assets", "ip", "203.0.113.7", "d1", "r", null);
        f.detection(NOW.minusSeconds(30), "scraping.no-assets", "ip", "203.0.113.8", null, "r", null);
        f.detection(NOW.minusSeconds(20), "login.stuffing", "ip", "203.0.113.9", "d3", "r", null);
        f.flush();

        for (Period period : Period.values()) {
            var top = f.figures.overview(period).top();
            assertThat(top).containsOnlyKeys(Dimension.values());
            assertThat(top.get(Dimension.ADDRESS)).containsExactly(new TopEntry("203.0.113.7", 5),
                    new TopEntry("203.0.113.8", 3), new TopEntry("2001:db8::1", 1));
            assertThat(top.get(Dimension.NETWORK)).containsExactly(new TopEntry("203.0.113.0/24", 8),
                    new TopEntry("2001:db8::/64", 1));
            assertThat(top.get(Dimension.USER_AGENT)).containsExactly(new TopEntry("curl/8.0", 5),
                    new TopEntry("Mozilla/5.0", 4));
            assertThat(top.get(Dimension.PATH)).containsExactly(new TopEntry("/login", 5),
                    new TopEntry("/products/7", 4));
            assertThat(top.get(Dimension.COUNTRY)).containsExactly(new TopEntry("US", 5), new TopEntry("DE", 3));
            assertThat(top.get(Dimension.RULE)).containsExactly(new TopEntry("scraping.no-assets", 2),
                    new TopEntry("login.stuffing", 1));
        }
    }

    @Test
    void top_lists_stop_at_ten_values() {
        for (int i = 0; i < 15; i++) {
            for (int n = 0; n <= i; n++) {
                f.log(NOW.minusSeconds(10), "198.51.100." + i);
            }
        }
        f.flush();

        List<TopEntry> top = f.figures.overview(Period.HOUR).top().get(Dimension.ADDRESS);
        assertThat(top).hasSize(10);
        assertThat(top.get(0)).isEqualTo(new TopEntry("198.51.100.14", 15));
    }

    @Test
    void counts_survive_in_the_store_when_a_window_left_memory_and_a_late_record_arrives() {
        f.log(NOW.minus(Duration.ofMinutes(10)), "203.0.113.7");
        f.flush();
        for (int m = 9; m >= 0; m--) {
            f.log(NOW.minus(Duration.ofMinutes(m)), "203.0.113.7");
        }
        f.log(NOW.minus(Duration.ofMinutes(10)), "203.0.113.7");
        f.flush();

        Overview o = f.figures.overview(Period.HOUR);
        assertThat(o.series().get(49).total()).isEqualTo(2);
        assertThat(o.requests()).isEqualTo(12);
    }

    @Test
    void figures_are_empty_but_complete_before_any_record() {
        Overview o = f.figures.overview(Period.DAY);

        assertThat(o.requests()).isZero();
        assertThat(o.requestsPerSecond()).isZero();
        assertThat(o.series()).hasSize(96).allMatch(p -> p.total() == 0);
        assertThat(o.byAction()).containsOnlyKeys("allow", "challenge", "block", "monitor", "other");
        assertThat(o.top()).containsOnlyKeys(Dimension.values());
    }
}
