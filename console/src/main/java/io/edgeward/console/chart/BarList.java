package io.edgeward.console.chart;

import io.edgeward.console.figures.TopEntry;
import java.util.List;

/**
 * A top-N list drawn as horizontal bars: each row is its label in text (readable by everyone, truncated by CSS,
 * whole in a title) and a bar whose length is its share of the largest. Bars live in a {@code viewBox="0 0 100 6"}.
 */
public record BarList(String title, List<Row> rows) {

    public record Row(String label, long count, String width) {
    }

    public static BarList of(String title, List<TopEntry> entries) {
        long max = entries.stream().mapToLong(TopEntry::count).max().orElse(0);
        List<Row> rows = entries.stream()
                .map(e -> new Row(e.value() == null || e.value().isEmpty() ? "(none)" : e.value(), e.count(),
                        Svg.num(max == 0 ? 0 : Math.max(0.5, 100.0 * e.count() / max))))
                .toList();
        return new BarList(title, rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
