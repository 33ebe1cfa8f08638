package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.RuleFiring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Rule firings of a period, from the per-minute rule counts of every partition. */
public final class RuleQuery {

    private final StoreAccess access;

    public RuleQuery(StoreAccess access) {
        this.access = access;
    }

    public RuleCounts counts(PeriodRange range) {
        RuleCounts all = new RuleCounts();
        for (ReadOnlyWindowStore<String, RuleCounts> store : access.<RuleCounts>windowStores(StoreNames.RULES)) {
            try (WindowStoreIterator<RuleCounts> it = store.fetch(StoreNames.RULES_KEY, range.fromInstant(),
                    range.nowInstant())) {
                while (it.hasNext()) {
                    all.addAll(it.next().value);
                }
            }
        }
        return all;
    }

    public List<RuleFiring> firings(PeriodRange range) {
        List<RuleFiring> firings = new ArrayList<>();
        counts(range).counts().forEach((rule, c) -> firings.add(new RuleFiring(rule, c[0], c[1])));
        firings.sort(Comparator.comparingLong(RuleFiring::detections).reversed().thenComparing(RuleFiring::rule));
        return List.copyOf(firings);
    }
}
