package io.edgeward.console.figures.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads one key's events from every instance of a store, newest first, merging the instances' own newest-first
 * iterators so that only what is returned (and what the filter skips) is read and decoded.
 */
public final class Newest {

    /** Turns a stored event into a row, or null to skip it. */
    public interface Row<V, T> {
        T of(long timestamp, V value);
    }

    private Newest() {
    }

    /**
     * Up to {@code limit} rows of {@code key} in [from, to], newest first, looking at no more than {@code maxScanned}
     * events (a filter matching nothing must not read a whole day on one page view).
     */
    public static <V, T> List<T> take(List<ReadOnlyWindowStore<String, V>> stores, String key, Instant from,
                                      Instant to, int limit, int maxScanned, Row<V, T> row) {
        List<WindowStoreIterator<V>> open = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        try {
            PriorityQueue<Head<V>> heads = new PriorityQueue<>(
                    Comparator.comparingLong((Head<V> h) -> h.current.key).reversed());
            for (ReadOnlyWindowStore<String, V> store : stores) {
                WindowStoreIterator<V> it = store.backwardFetch(key, from, to);
                open.add(it);
                if (it.hasNext()) {
                    heads.add(new Head<>(it, it.next()));
                }
            }
            int scanned = 0;
            while (!heads.isEmpty() && rows.size() < limit && scanned++ < maxScanned) {
                Head<V> head = heads.poll();
                T value = row.of(head.current.key, head.current.value);
                if (value != null) {
                    rows.add(value);
                }
                if (head.iterator.hasNext()) {
                    heads.add(new Head<>(head.iterator, head.iterator.next()));
                }
            }
        } finally {
            open.forEach(WindowStoreIterator::close);
        }
        return rows;
    }

    private record Head<V>(WindowStoreIterator<V> iterator, KeyValue<Long, V> current) {
    }
}
