package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Detection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pace.regular: a crawler that loads every asset at a polite pace still keeps its clock; people do not. */
class PaceRuleTest {

    private static final List<String> CATALOGUE = List.of("/", "/products/1", "/products/2", "/products/3",
            "/products/4", "/products/5", "/products/6", "/products/7", "/products/8", "/search?q=socks");

    private final DetectionHarness h = new DetectionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void low_and_slow_crawler_loading_every_asset_on_a_fifteen_second_timer_is_challenged_within_three_minutes() {
        for (int n = 0; n < 12; n++) {
            pageWithAssets("198.51.100.230", "crawler", CATALOGUE.get(n % CATALOGUE.size()), Duration.ofSeconds(15));
        }

        Detection d = h.detections("pace.regular").get(0);
        assertThat(d.scope()).isEqualTo("session");
        assertThat(d.value()).isEqualTo("crawler");
        assertThat(d.action()).isEqualTo("challenge");
        assertThat(java.time.Instant.parse(d.detectedAt()))
                .isBefore(DetectionHarness.START.plus(Duration.ofMinutes(3)));
        assertThat(h.detections("scraping.no-assets")).as("it loads its assets").isEmpty();
    }

    @Test
    void person_reading_the_same_pages_at_an_uneven_pace_is_not_a_timer() {
        long[] readingSeconds = {6, 14, 9, 21, 7, 12, 30, 8, 16, 11, 5, 19};
        for (int n = 0; n < readingSeconds.length; n++) {
            pageWithAssets("203.0.113.40", "reader", CATALOGUE.get(n % CATALOGUE.size()),
                    Duration.ofSeconds(readingSeconds[n]));
        }

        assertThat(h.detections("pace.regular")).isEmpty();
        assertThat(h.decisions()).isEmpty();
    }

    @Test
    void a_dashboard_reloading_once_a_minute_is_too_slow_to_count_as_machine_pace() {
        for (int n = 0; n < 12; n++) {
            pageWithAssets("203.0.113.41", "dashboard", "/account/orders", Duration.ofSeconds(60));
        }

        assertThat(h.detections("pace.regular")).isEmpty();
    }

    private void pageWithAssets(String ip, String session, String page, Duration thenWait) {
        h.send(Req.get(page).ip(ip).session(session), Duration.ofMillis(150));
        h.send(Req.get("/static/site.css").ip(ip).session(session), Duration.ZERO);
        h.send(Req.get("/static/app.js").ip(ip).session(session), Duration.ofMillis(50));
        h.send(Req.get("/static/logo.png").ip(ip).session(session), thenWait.minusMillis(200));
    }
}
