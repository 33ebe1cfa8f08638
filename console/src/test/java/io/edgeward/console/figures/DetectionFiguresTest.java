package io.edgeward.console.figures;

import static io.edgeward.console.figures.FiguresDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionFiguresTest {

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
    void detections_come_newest_first_and_narrow_by_rule_value_and_time() {
        f.detection(NOW.minusSeconds(300), "scraping.no-assets", "ip", "203.0.113.7", "a", "r1", null);
        f.detection(NOW.minusSeconds(200), "login.stuffing", "ip", "198.51.100.9", "b", "r2", null);
        f.detection(NOW.minusSeconds(100), "scraping.no-assets", "session", "Sess-XYZ", "c", "r3", null);

        assertThat(f.figures.detections(DetectionQuery.latest(10))).extracting(DetectionRow::decisionId)
                .containsExactly("c", "b", "a");
        assertThat(f.figures.detections(DetectionQuery.latest(2))).extracting(DetectionRow::decisionId)
                .containsExactly("c", "b");
        assertThat(f.figures.detections(new DetectionQuery(null, "scraping.no-assets", null, 10)))
                .extracting(DetectionRow::decisionId).containsExactly("c", "a");
        assertThat(f.figures.detections(new DetectionQuery(null, null, "sess-xy", 10)))
                .extracting(DetectionRow::decisionId).containsExactly("c");
        assertThat(f.figures.detections(new DetectionQuery(NOW.minusSeconds(200), null, null, 10)))
                .extracting(DetectionRow::decisionId).containsExactly("c");
    }

    @Test
    void a_detection_row_carries_the_engines_fields() {
        f.detection(NOW.minusSeconds(60), "scraping.no-assets", "ip", "203.0.113.7", "dec-1", "no assets",
                "2026-12-07T05:14:30Z");

        DetectionRow row = f.figures.detections(DetectionQuery.latest(1)).get(0);
        assertThat(row.detectedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(row.rule()).isEqualTo("scraping.no-assets");
        assertThat(row.scope()).isEqualTo("ip");
        assertThat(row.value()).isEqualTo("203.0.113.7");
        assertThat(row.action()).isEqualTo("challenge");
        assertThat(row.duration()).isEqualTo("PT15M");
        assertThat(row.evidence()).containsEntry("requests", 42);
        assertThat(row.expiresAt()).isEqualTo(java.time.Instant.parse("2026-12-07T05:14:30Z"));
        assertThat(row.notPublished()).isNull();
    }

    @Test
    void not_published_says_why_no_decision_came_of_a_detection() {
        f.detection(NOW.minusSeconds(50), "r", "ip", "203.0.113.1", null,
                "many requests (no decision published: an administrator's decision stands)", "2026-12-07T05:15:00Z");
        f.detection(NOW.minusSeconds(40), "r", "cidr", "203.0.113.0/24", null,
                "burst (no decision published: it would touch 40% of sessions (at least 20 needed to weigh it), "
                        + "and no route narrows it)", null);
        f.detection(NOW.minusSeconds(30), "r", "ip", "203.0.113.3", null, "replayed", "2026-12-07T05:14:00Z");
        f.detection(NOW.minusSeconds(20), "r", "ip", "203.0.113.4", null, "dry run", null);

        List<String> why = f.figures.detections(DetectionQuery.latest(10)).stream()
                .map(DetectionRow::notPublished).toList();
        assertThat(why).containsExactly("no decision id: monitor or dry run", "expired before it was published",
                "it would touch 40% of sessions (at least 20 needed to weigh it), and no route narrows it",
                "an administrator's decision stands");
    }

    @Test
    void rule_firings_count_detections_and_the_decisions_among_them_most_first() {
        f.detection(NOW.minusSeconds(3000), "login.stuffing", "ip", "203.0.113.1", "a", "r", null);
        f.detection(NOW.minusSeconds(200), "scraping.no-assets", "ip", "203.0.113.2", "b", "r", null);
        f.detection(NOW.minusSeconds(100), "scraping.no-assets", "ip", "203.0.113.3", null, "r", null);
        f.detection(NOW.minusSeconds(7200), "scraping.no-assets", "ip", "203.0.113.4", "c", "r", null);
        f.flush();

        assertThat(f.figures.ruleFirings(Period.HOUR)).containsExactly(
                new RuleFiring("scraping.no-assets", 2, 1), new RuleFiring("login.stuffing", 1, 1));
        assertThat(f.figures.ruleFirings(Period.DAY)).containsExactly(
                new RuleFiring("scraping.no-assets", 3, 2), new RuleFiring("login.stuffing", 1, 1));
    }

    @Test
    void undecodable_values_on_any_topic_are_skipped_and_counted_and_the_rest_goes_on() {
        f.logs.pipeInput("203.0.113.7", "{broken", NOW.minusSeconds(5));
        f.logs.pipeInput("203.0.113.7", "[1,2]", NOW.minusSeconds(5));
        f.logs.pipeInput("203.0.113.7", "{\"path\":\"/no-client-ip\"}", NOW.minusSeconds(5));
        f.detections.pipeInput("x", "not json", NOW.minusSeconds(5));
        f.detections.pipeInput("x", "{\"rule\":\"r\"}", NOW.minusSeconds(5));
        f.challenges.pipeInput("x", "{\"time\":\"yesterday\",\"event\":\"passed\"}", NOW.minusSeconds(5));
        f.log(NOW.minusSeconds(4), "203.0.113.7");
        f.detection(NOW.minusSeconds(4), "r", "ip", "203.0.113.7", "id", "reason", null);
        f.flush();

        assertThat(f.skipped.count(FiguresDriver.LOGS)).isEqualTo(3);
        assertThat(f.skipped.count(FiguresDriver.DETECTIONS)).isEqualTo(2);
        assertThat(f.skipped.count(FiguresDriver.CHALLENGES)).isEqualTo(1);
        assertThat(f.figures.overview(Period.HOUR).requests()).isEqualTo(1);
        assertThat(f.figures.detections(DetectionQuery.latest(10))).hasSize(1);
    }
}
