package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.ChallengeStats;
import io.edgeward.console.figures.ProviderStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Challenge figures of a period, merged from the per-minute counts and solve-time histograms. */
public final class ChallengesQuery {

    private final StoreAccess access;

    public ChallengesQuery(StoreAccess access) {
        this.access = access;
    }

    public ChallengeStats stats(PeriodRange range) {
        ChallengeCounts all = new ChallengeCounts();
        for (ReadOnlyWindowStore<String, ChallengeCounts> store : access.<ChallengeCounts>windowStores(
                StoreNames.CHALLENGES)) {
            try (WindowStoreIterator<ChallengeCounts> it = store.fetch(StoreNames.CHALLENGES_KEY,
                    range.fromInstant(), range.nowInstant())) {
                while (it.hasNext()) {
                    all.addAll(it.next().value);
                }
            }
        }
        List<ProviderStats> providers = new ArrayList<>(all.stats().values());
        providers.sort(Comparator.comparingLong(ProviderStats::issued).reversed()
                .thenComparing(ProviderStats::provider));
        return new ChallengeStats(range.period(), List.copyOf(providers));
    }
}
