package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.SeriesPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The request series of a period, summed from the one-minute traffic buckets of every partition (a day is 1,440
 * small values a partition: a few milliseconds).
 */
public final class TrafficQuery {

    /** The series, the period's totals and the earliest request time (Long.MAX_VALUE when none). */
    public record Traffic(List<SeriesPoint> series, TrafficCounts total) {
    }

    private final StoreAccess access;

    public TrafficQuery(StoreAccess access) {
        this.access = access;
    }

    public Traffic traffic(PeriodRange range) {
        TrafficCounts[] buckets = new TrafficCounts[range.buckets()];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new TrafficCounts();
        }
        for (ReadOnlyWindowStore<String, TrafficCounts> store : access.<TrafficCounts>windowStores(
                StoreNames.TRAFFIC)) {
            try (WindowStoreIterator<TrafficCounts> it = store.fetch(StoreNames.TRAFFIC_KEY, range.fromInstant(),
                    range.nowInstant())) {
                while (it.hasNext()) {
                    KeyValue<Long, TrafficCounts> minute = it.next();
                    int b = range.bucketOf(minute.key);
                    if (b >= 0) {
                        buckets[b].add(minute.value);
                    }
                }
            }
        }
        List<SeriesPoint> series = new ArrayList<>(buckets.length);
        TrafficCounts total = new TrafficCounts();
        for (int i = 0; i < buckets.length; i++) {
            TrafficCounts c = buckets[i];
            series.add(new SeriesPoint(Instant.ofEpochMilli(range.from() + i * range.bucket()), c.total, c.allow,
                    c.challenge, c.block, c.monitor));
            total.add(c);
        }
        return new Traffic(List.copyOf(series), total);
    }

    /** Every action key present, in a fixed order. */
    public static Map<String, Long> byAction(TrafficCounts c) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("allow", c.allow);
        m.put("challenge", c.challenge);
        m.put("block", c.block);
        m.put("monitor", c.monitor);
        m.put("other", c.other());
        return Collections.unmodifiableMap(m);
    }
}
