package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.ChallengeStats;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.DetectionQuery;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.console.figures.ExplainKey;
import io.edgeward.console.figures.Explanation;
import io.edgeward.console.figures.Overview;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.RuleFiring;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The figures answered from store instances ({@link StoreAccess}), the same for a running application and a test
 * driver. While stores cannot be queried (starting, rebalancing) the answers are empty rather than errors: the pages
 * show {@link #ready()} next to them.
 */
public final class StoreFigures implements ConsoleFigures {

    private final StoreAccess access;
    private final Clock clock;
    private final BooleanSupplier ready;

    public StoreFigures(StoreAccess access, Clock clock, BooleanSupplier ready) {
        this.access = access;
        this.clock = clock;
        this.ready = ready;
    }

    @Override
    public Overview overview(Period period) {
        return answer(a -> {
            PeriodRange range = PeriodRange.of(period, clock.instant());
            TrafficQuery.Traffic traffic = new TrafficQuery(a).traffic(range);
            TrafficCounts total = traffic.total();
            long span = period.length().toMillis();
            if (total.firstMillis < range.now() && range.now() - total.firstMillis < span) {
                span = range.now() - total.firstMillis;
            }
            double perSecond = total.total / (Math.max(span, 1000L) / 1000.0);
            return new Overview(period, range.fromInstant(), range.nowInstant(), total.total, perSecond,
                    TrafficQuery.byAction(total), traffic.series(), new TopQuery(a, new RuleQuery(a)).top(range));
        });
    }

    @Override
    public List<DetectionRow> detections(DetectionQuery query) {
        return answer(a -> new DetectionsQuery(a).list(query, clock.instant()));
    }

    @Override
    public Explanation explain(ExplainKey key) {
        return answer(a -> new ExplainQuery(a, new DetectionsQuery(a)).explain(key, clock.instant()));
    }

    @Override
    public ChallengeStats challenges(Period period) {
        return answer(a -> new ChallengesQuery(a).stats(PeriodRange.of(period, clock.instant())));
    }

    @Override
    public List<RuleFiring> ruleFirings(Period period) {
        return answer(a -> new RuleQuery(a).firings(PeriodRange.of(period, clock.instant())));
    }

    @Override
    public boolean ready() {
        return ready.getAsBoolean();
    }

    private <T> T answer(Function<StoreAccess, T> query) {
        try {
            return query.apply(access);
        } catch (InvalidStateStoreException e) {
            return query.apply(StoreAccess.NONE);
        }
    }
}
