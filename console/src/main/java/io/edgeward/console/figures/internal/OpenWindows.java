package io.edgeward.console.figures.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The aggregates of the few most recent windows of one figure, kept in processor memory and written to their window
 * store by {@link #flush()} (on a wall-clock punctuation and on close), so a record costs a map lookup instead of a
 * store read, a deserialisation and a store write. A record for a window no longer in memory (late, or after a
 * restart) brings that window back from the store first, so nothing already written is overwritten with less.
 * At most {@code maxOpen} windows are held; the oldest is written and dropped to make room.
 */
public final class OpenWindows<A> {

    private final WindowStore<String, A> store;
    private final String key;
    private final long width;
    private final int maxOpen;
    private final Supplier<A> empty;
    private final TreeMap<Long, A> open = new TreeMap<>();
    private final TreeMap<Long, Boolean> dirty = new TreeMap<>();

    public OpenWindows(WindowStore<String, A> store, String key, long widthMillis, int maxOpen, Supplier<A> empty) {
        this.store = store;
        this.key = key;
        this.width = widthMillis;
        this.maxOpen = maxOpen;
        this.empty = empty;
    }

    /**
     * Applies {@code change} to the aggregate of the window holding {@code timestamp}. A window older than every one
     * in memory while memory is full (a late record) is read, changed and written back at once instead.
     */
    public void update(long timestamp, Consumer<A> change) {
        long start = timestamp - Math.floorMod(timestamp, width);
        A aggregate = open.get(start);
        if (aggregate == null) {
            aggregate = store.fetch(key, start);
            if (aggregate == null) {
                aggregate = empty.get();
            }
            if (open.size() >= maxOpen && start < open.firstKey()) {
                change.accept(aggregate);
                store.put(key, aggregate, start);
                return;
            }
            open.put(start, aggregate);
            while (open.size() > maxOpen) {
                Map.Entry<Long, A> oldest = open.pollFirstEntry();
                if (dirty.remove(oldest.getKey()) != null) {
                    store.put(key, oldest.getValue(), oldest.getKey());
                }
            }
        }
        change.accept(aggregate);
        dirty.put(start, Boolean.TRUE);
    }

    /** Writes every changed window to the store. */
    public void flush() {
        for (Iterator<Long> it = dirty.keySet().iterator(); it.hasNext(); ) {
            long start = it.next();
            A aggregate = open.get(start);
            if (aggregate != null) {
                store.put(key, aggregate, start);
            }
            it.remove();
        }
    }
}
