package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Detection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapingRulesTest {

    private final DetectionHarness h = new DetectionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void session_crawling_pages_without_assets_is_challenged_by_session() {
        for (int i = 0; i < 25; i++) {
            h.send(Req.get("/search?q=item" + i).session("crawler"), Duration.ofSeconds(2));
        }

        assertThat(h.detections("scraping.no-assets")).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo("session");
            assertThat(d.value()).isEqualTo("crawler");
            assertThat(d.action()).isEqualTo("challenge");
            assertThat(d.duration()).isEqualTo("PT15M");
            assertThat(d.reason()).contains("20 pages").contains("0 assets");
        });
        assertThat(h.decisions()).extracting(kv -> kv.key).contains("decision|session|crawler");
    }

    @Test
    void person_browsing_thirty_pages_with_assets_is_not_a_scraper() {
        Visitors.browse(h, "203.0.113.20", "reader", 30, 1);

        assertThat(h.detections()).isEmpty();
        assertThat(h.decisions()).isEmpty();
    }

    @Test
    void sequential_product_identifiers_are_enumeration() {
        for (int id = 1; id <= 16; id++) {
            Visitors.readPage(h, "203.0.113.21", "walker", "/products/" + id);
        }

        Detection d = h.detections("scraping.enumeration").get(0);
        assertThat(d.scope()).isEqualTo("session");
        assertThat(d.reason()).contains("15 consecutive identifiers");
    }

    @Test
    void person_opening_scattered_products_is_not_enumeration() {
        Visitors.browse(h, "203.0.113.22", "shopper", 40, 3);

        assertThat(h.detections("scraping.enumeration")).isEmpty();
    }

    @Test
    void visiting_more_distinct_paths_than_any_reader_is_breadth_scraping() {
        for (int i = 0; i < 110; i++) {
            h.send(Req.get("/item-" + i).session("wide"), Duration.ZERO);
            h.send(Req.get("/static/site.css").session("wide"), Duration.ofSeconds(1));
        }

        assertThat(h.detections("scraping.breadth")).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("100 distinct paths"));
        assertThat(h.detections("scraping.no-assets")).isEmpty();
    }
}
