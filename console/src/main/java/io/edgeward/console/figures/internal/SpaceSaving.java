package io.edgeward.console.figures.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Space-Saving heavy-hitters summary (Metwally et al.): at most {@code capacity} counters, so a million distinct
 * user agents cost the same memory as two hundred. A value seen more than total/capacity times is always present;
 * each count is an over-estimate by at most {@link #minCount()}. Counters sit in a min-heap, so a new value replaces
 * the smallest in O(log capacity), and an increment of a heavy value (near the leaves) usually moves nothing.
 * Not thread-safe: one stream thread owns it.
 */
public final class SpaceSaving {

    /** Counters per dimension per window. */
    public static final int DEFAULT_CAPACITY = 200;
    /** Longer values are clipped: a window's summary stays a few hundred kilobytes at worst. */
    public static final int MAX_VALUE_LENGTH = 256;

    private final String[] keys;
    private final long[] counts;
    private final Map<String, Integer> index;
    private int size;

    public SpaceSaving(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        keys = new String[capacity];
        counts = new long[capacity];
        index = new HashMap<>(capacity * 2);
    }

    public SpaceSaving() {
        this(DEFAULT_CAPACITY);
    }

    public void offer(String value) {
        offer(value, 1);
    }

    public void offer(String value, long n) {
        if (value == null || value.isEmpty() || n <= 0) {
            return;
        }
        String key = Wire.clip(value, MAX_VALUE_LENGTH);
        Integer at = index.get(key);
        if (at != null) {
            counts[at] += n;
            siftDown(at);
        } else if (size < keys.length) {
            keys[size] = key;
            counts[size] = n;
            index.put(key, size);
            siftUp(size++);
        } else {
            index.remove(keys[0]);
            keys[0] = key;
            counts[0] += n;
            index.put(key, 0);
            siftDown(0);
        }
    }

    /** The most any value not present can have been seen: the smallest counter once every counter is in use. */
    public long minCount() {
        return size < keys.length ? 0 : counts[0];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return keys.length;
    }

    public void forEach(Entry consumer) {
        for (int i = 0; i < size; i++) {
            consumer.accept(keys[i], counts[i]);
        }
    }

    public interface Entry {
        void accept(String value, long count);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(keys.length);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeUTF(keys[i]);
            out.writeLong(counts[i]);
        }
    }

    public static SpaceSaving read(DataInputStream in) throws IOException {
        SpaceSaving s = new SpaceSaving(in.readInt());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            s.keys[i] = in.readUTF();
            s.counts[i] = in.readLong();
            s.index.put(s.keys[i], i);
        }
        s.size = n;
        return s;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (counts[parent] <= counts[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int smaller = right < size && counts[right] < counts[left] ? right : left;
            if (counts[i] <= counts[smaller]) {
                return;
            }
            swap(i, smaller);
            i = smaller;
        }
    }

    private void swap(int a, int b) {
        String k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        long c = counts[a];
        counts[a] = counts[b];
        counts[b] = c;
        index.put(keys[a], a);
        index.put(keys[b], b);
    }
}
