package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.TopEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the summaries of several windows (and partitions) into one ranking. A value missing from a full summary
 * may still have been seen up to that summary's smallest count, so that count is added for it: the merged figure
 * never falls below the true count ({@link TopEntry}'s contract), at the price of over-estimating in a flood.
 */
public final class TopMerge {

    private final Map<String, long[]> seen = new HashMap<>();
    private long minSum;

    public void add(SpaceSaving summary) {
        long min = summary.minCount();
        minSum += min;
        summary.forEach((value, count) -> {
            long[] c = seen.computeIfAbsent(value, v -> new long[2]);
            c[0] += count;
            c[1] += min;
        });
    }

    /** Adds an exact count (rules: their number is bounded, no summary needed). */
    public void addExact(String value, long count) {
        seen.computeIfAbsent(value, v -> new long[2])[0] += count;
    }

    public List<TopEntry> top(int limit) {
        List<TopEntry> all = new ArrayList<>(seen.size());
        seen.forEach((value, c) -> all.add(new TopEntry(value, c[0] + minSum - c[1])));
        all.sort(Comparator.comparingLong(TopEntry::count).reversed().thenComparing(TopEntry::value));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }
}
