package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.TopEntry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The top values of a period: the hour merges its 60 one-minute summaries, the day its 96 quarter-hour ones (so
 * the day reads under 100 values a partition, never 1,440), and rules come exactly from the rule counts.
 */
public final class TopQuery {

    public static final int LIMIT = 10;

    private final StoreAccess access;
    private final RuleQuery rules;

    public TopQuery(StoreAccess access, RuleQuery rules) {
        this.access = access;
        this.rules = rules;
    }

    public Map<Dimension, List<TopEntry>> top(PeriodRange range) {
        Map<Dimension, TopMerge> merges = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            merges.put(d, new TopMerge());
        }
        boolean hour = range.period() == Period.HOUR;
        String name = hour ? StoreNames.TOP_MINUTE : StoreNames.TOP_QUARTER;
        String key = hour ? StoreNames.TOP_MINUTE_KEY : StoreNames.TOP_QUARTER_KEY;
        for (ReadOnlyWindowStore<String, TopValues> store : access.<TopValues>windowStores(name)) {
            try (WindowStoreIterator<TopValues> it = store.fetch(key, range.fromInstant(), range.nowInstant())) {
                while (it.hasNext()) {
                    TopValues window = it.next().value;
                    for (Dimension d : TopValues.LOG_DIMENSIONS) {
                        SpaceSaving s = window.summary(d);
                        if (s != null) {
                            merges.get(d).add(s);
                        }
                    }
                }
            }
        }
        rules.counts(range).counts().forEach((rule, c) -> merges.get(Dimension.RULE).addExact(rule, c[0]));
        Map<Dimension, List<TopEntry>> top = new EnumMap<>(Dimension.class);
        merges.forEach((d, m) -> top.put(d, m.top(LIMIT)));
        return Collections.unmodifiableMap(top);
    }
}
