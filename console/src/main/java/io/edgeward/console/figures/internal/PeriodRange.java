package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.Period;
import java.time.Instant;

/**
 * A period ending now, in whole buckets: the last bucket holds {@code now}, and there are length/bucket of them
 * (60 minutes for the hour, 96 quarter hours for the day). Every figure of a period covers exactly these buckets.
 */
public record PeriodRange(Period period, long from, long now, long bucket, int buckets) {

    public static PeriodRange of(Period period, Instant now) {
        long bucket = period.bucket().toMillis();
        long t = now.toEpochMilli();
        long last = t - Math.floorMod(t, bucket);
        int buckets = (int) (period.length().toMillis() / bucket);
        return new PeriodRange(period, last - (buckets - 1) * bucket, t, bucket, buckets);
    }

    public Instant fromInstant() {
        return Instant.ofEpochMilli(from);
    }

    public Instant nowInstant() {
        return Instant.ofEpochMilli(now);
    }

    /** The bucket of {@code timestamp}, or -1 outside the period. */
    public int bucketOf(long timestamp) {
        if (timestamp < from) {
            return -1;
        }
        long i = (timestamp - from) / bucket;
        return i < buckets ? (int) i : -1;
    }
}
