package io.edgeward.protector.decision;

import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging the admin lists from the store: order, total, the contains filter, and a large list. */
class DecisionPagingTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock);

    private Decision put(String id, String ip, String reason, Instant createdAt) {
        Decision d = new Decision(id, ListKind.DECISION, Scope.IP, ip, Action.BLOCK, reason, "admin", createdAt,
                createdAt.plus(Duration.ofHours(1)));
        store.put(d);
        return d;
    }

    private static List<String> ids(DecisionPage page) {
        return page.items().stream().map(Decision::id).toList();
    }

    @Test
    void a_page_is_newest_first_with_ties_by_id_and_the_total_counts_every_match() {
        Instant t = clock.instant();
        put("c", "192.0.2.1", "r", t);
        put("a", "192.0.2.2", "r", t.plusSeconds(5));
        put("b", "192.0.2.3", "r", t.plusSeconds(5));
        put("d", "192.0.2.4", "r", t.plusSeconds(1));

        DecisionPage first = store.page(ListKind.DECISION, ListFilter.all(), 0, 3);
        DecisionPage second = store.page(ListKind.DECISION, ListFilter.all(), 3, 3);

        assertThat(ids(first)).containsExactly("a", "b", "d");
        assertThat(ids(second)).containsExactly("c");
        assertThat(first.total()).isEqualTo(4);
        assertThat(second.total()).isEqualTo(4);
    }

    @Test
    void contains_matches_the_value_the_reason_or_the_id_ignoring_case() {
        Instant t = clock.instant();
        put("id-one", "198.51.100.7", "Scraping the catalogue", t);
        put("id-two", "203.0.113.9", "login stuffing", t);
        put("SPECIAL", "192.0.2.77", "other", t);

        assertThat(ids(store.page(ListKind.DECISION, new ListFilter(null, null, "CATALOGUE"), 0, 10)))
                .containsExactly("id-one");
        assertThat(ids(store.page(ListKind.DECISION, new ListFilter(null, null, "113.9"), 0, 10)))
                .containsExactly("id-two");
        assertThat(ids(store.page(ListKind.DECISION, new ListFilter(null, null, "special"), 0, 10)))
                .containsExactly("SPECIAL");
        assertThat(store.page(ListKind.DECISION, new ListFilter(null, null, "nowhere"), 0, 10).total()).isZero();
    }

    @Test
    void expired_entries_are_neither_listed_nor_counted() {
        put("old", "192.0.2.1", "r", clock.instant());
        clock.advance(Duration.ofHours(2));
        put("new", "192.0.2.2", "r", clock.instant());

        DecisionPage page = store.page(ListKind.DECISION, ListFilter.all(), 0, 10);

        assertThat(ids(page)).containsExactly("new");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void a_small_page_of_a_hundred_thousand_decisions_holds_only_that_page() {
        Instant t = clock.instant();
        for (int i = 0; i < 100_000; i++) {
            put(String.format("id-%06d", i), "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff),
                    i % 10 == 0 ? "scraper" : "detector", t.plusSeconds(i % 600));
        }

        DecisionPage page = store.page(ListKind.DECISION, ListFilter.all(), 0, 50);
        DecisionPage counted = store.page(ListKind.DECISION, new ListFilter(null, null, "SCRAPER"), 0, 0);

        assertThat(page.items()).hasSize(50);
        assertThat(page.total()).isEqualTo(100_000);
        assertThat(page.items().get(0).createdAt()).isEqualTo(t.plusSeconds(599));
        assertThat(ids(page).get(0)).isEqualTo("id-000599");
        assertThat(counted.items()).isEmpty();
        assertThat(counted.total()).isEqualTo(10_000);
    }
}
