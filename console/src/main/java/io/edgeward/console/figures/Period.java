package io.edgeward.console.figures;

import java.time.Duration;

/** A period ending now, and the width of one bucket of its time series. */
public enum Period {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(15));

    private final Duration length;
    private final Duration bucket;

    Period(Duration length, Duration bucket) {
        this.length = length;
        this.bucket = bucket;
    }

    public Duration length() {
        return length;
    }

    public Duration bucket() {
        return bucket;
    }

    /** {@code hour} or {@code day}, as in a query string; anything else is the hour. */
    public static Period fromQuery(String text) {
        return "day".equalsIgnoreCase(text) ? DAY : HOUR;
    }
}
