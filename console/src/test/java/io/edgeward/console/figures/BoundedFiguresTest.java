package io.edgeward.console.figures;

import static io.edgeward.console.figures.FiguresDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.figures.internal.SpaceSaving;
import io.edgeward.console.figures.internal.StoreNames;
import io.edgeward.console.figures.internal.TopValues;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an attacker would try to grow the console's state, and why it stays bounded. */
class BoundedFiguresTest {

    @TempDir
    Path state;

    @Test
    void a_hundred_thousand_distinct_agents_paths_and_addresses_keep_each_window_to_its_bound() {
        try (FiguresDriver f = new FiguresDriver(state)) {
            Instant minute = NOW.minusSeconds(30);
            for (int i = 0; i < 100_000; i++) {
                if (i % 50 == 0) {
                    f.log(minute, "198.51.100.7", "userAgent", "python-requests/2.31", "path", "/cart/add");
                }
                f.log(minute, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
                        "userAgent", "bot-" + i, "path", "/p/" + i, "country", "C" + i);
            }
            f.flush();

            for (String store : List.of(StoreNames.TOP_MINUTE, StoreNames.TOP_QUARTER)) {
                ReadOnlyWindowStore<String, TopValues> s = f.store(store);
                int windows = 0;
                try (KeyValueIterator<Windowed<String>, TopValues> all = s.all()) {
                    while (all.hasNext()) {
                        KeyValue<Windowed<String>, TopValues> w = all.next();
                        windows++;
                        for (Dimension d : TopValues.LOG_DIMENSIONS) {
                            assertThat(w.value.summary(d).size()).as(store + " " + d)
                                    .isLessThanOrEqualTo(SpaceSaving.DEFAULT_CAPACITY);
                        }
                    }
                }
                assertThat(windows).as(store).isEqualTo(1);
            }
            // the steady value is still found, never under its true count, above every one-off
            var top = f.figures.overview(Period.HOUR).top();
            assertThat(top.get(Dimension.USER_AGENT).get(0).value()).isEqualTo("python-requests/2.31");
            assertThat(top.get(Dimension.USER_AGENT).get(0).count()).isGreaterThanOrEqualTo(2_000);
            assertThat(top.get(Dimension.ADDRESS).get(0).value()).isEqualTo("198.51.100.7");
            assertThat(top.get(Dimension.PATH).get(0).value()).isEqualTo("/cart/add");
        }
    }

    @Test
    void a_huge_user_agent_is_ranked_by_its_first_characters_only() {
        try (FiguresDriver f = new FiguresDriver(state)) {
            f.log(NOW.minusSeconds(5), "198.51.100.7", "userAgent", "A".repeat(100_000));
            f.flush();

            String ranked = f.figures.overview(Period.HOUR).top().get(Dimension.USER_AGENT).get(0).value();
            assertThat(ranked).hasSize(SpaceSaving.MAX_VALUE_LENGTH);
        }
    }

    @Test
    void one_address_flooding_keeps_at_most_the_cap_a_minute_in_the_explain_index() {
        try (FiguresDriver f = new FiguresDriver(state)) {
            for (int m = 2; m >= 1; m--) {
                for (int i = 0; i < 5_000; i++) {
                    f.log(NOW.minus(Duration.ofMinutes(m)), "198.51.100.7", "sessionId", "flood");
                }
            }
            f.log(NOW.minusSeconds(1), "203.0.113.50", "sessionId", "visitor");
            f.flush();

            ReadOnlyWindowStore<String, byte[]> byAddress = f.store(StoreNames.REQUESTS_BY_ADDRESS);
            int stored = 0;
            try (WindowStoreIterator<byte[]> it = byAddress.fetch("198.51.100.7", NOW.minus(Duration.ofHours(1)),
                    NOW)) {
                while (it.hasNext()) {
                    it.next();
                    stored++;
                }
            }
            assertThat(stored).isEqualTo(200);
            assertThat(f.figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS, "198.51.100.7")).requests())
                    .hasSize(100);
            assertThat(f.figures.explain(new ExplainKey(ExplainKey.Kind.SESSION, "visitor")).requests())
                    .hasSize(1);
            // the traffic figures still count every request
            assertThat(f.figures.overview(Period.HOUR).requests()).isEqualTo(10_001);
        }
    }
}
