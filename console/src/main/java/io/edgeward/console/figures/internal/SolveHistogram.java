package io.edgeward.console.figures.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Solve times in a fixed, bounded set of buckets (at most 736, written sparsely): exact below 64 ms, then 32 buckets
 * per power of two, so a percentile read back is within about 1.6 % of the true value (the bucket's midpoint).
 * Times over a day are counted as a day: no value can grow the histogram.
 */
public final class SolveHistogram {

    static final long MAX_MILLIS = 86_400_000L;
    private static final int EXACT = 64;
    private static final int SUB = 32;
    static final int BUCKETS = index(MAX_MILLIS) + 1;

    private final long[] counts = new long[BUCKETS];
    private long total;

    public void add(long millis) {
        add(index(Math.max(0, Math.min(millis, MAX_MILLIS))), 1);
    }

    public void addAll(SolveHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            if (other.counts[i] != 0) {
                add(i, other.counts[i]);
            }
        }
    }

    private void add(int bucket, long n) {
        counts[bucket] += n;
        total += n;
    }

    public long count() {
        return total;
    }

    /** The nearest-rank percentile ({@code q} in (0, 1]) as its bucket's midpoint; null when empty. */
    public Long percentile(double q) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return midpoint(i);
            }
        }
        return midpoint(BUCKETS - 1);
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        long mantissa = v >>> (exponent - 5);
        return EXACT + (exponent - 6) * SUB + (int) (mantissa - SUB);
    }

    static long midpoint(int index) {
        if (index < EXACT) {
            return index;
        }
        int exponent = (index - EXACT) / SUB + 6;
        long mantissa = (index - EXACT) % SUB + SUB;
        long width = 1L << (exponent - 5);
        return mantissa * width + width / 2;
    }

    public void write(DataOutputStream out) throws IOException {
        int used = 0;
        for (long c : counts) {
            used += c == 0 ? 0 : 1;
        }
        out.writeShort(used);
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                out.writeShort(i);
                out.writeLong(counts[i]);
            }
        }
    }

    public static SolveHistogram read(DataInputStream in) throws IOException {
        SolveHistogram h = new SolveHistogram();
        int used = in.readShort();
        for (int i = 0; i < used; i++) {
            h.add(in.readShort(), in.readLong());
        }
        return h;
    }
}
