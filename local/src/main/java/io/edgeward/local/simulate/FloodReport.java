package io.edgeward.local.simulate;

import java.util.List;
import java.util.Locale;

/**
 * One phase of the flood measurement: how many flood requests went out and how many reached the origin, and for
 * each watched group (the blocked clients, the people) how many of its requests in the phase were served by the
 * origin rather than stopped by the edge or lost to an error.
 */
record FloodReport(String phase, long millis, int floodSent, int floodServed, Share sessionBlocked,
                   Share addressBlocked, Share humans) {

    /** {@code served} of {@code total} requests; a served request reached the origin and came back below 400. */
    record Share(int served, int total) {

        static Share of(List<Timeline.Entry> entries, long fromMillis, long toMillis) {
            int served = 0;
            int total = 0;
            for (Timeline.Entry e : entries) {
                if (e.atMillis() >= fromMillis && e.atMillis() < toMillis) {
                    total++;
                    if (e.served()) {
                        served++;
                    }
                }
            }
            return new Share(served, total);
        }

        double percent() {
            return total == 0 ? Double.NaN : 100.0 * served / total;
        }

        @Override
        public String toString() {
            return total == 0 ? "-" : String.format(Locale.ROOT, "%d of %d (%.1f %%)", served, total, percent());
        }
    }

    double floodPerSecond() {
        return millis == 0 ? 0 : floodSent * 1000.0 / millis;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-26s %7s %14s %8s %13s %24s %24s %24s", "phase", "seconds",
                "flood answered", "flood/s", "flood served", "session-blocked passed", "address-blocked passed",
                "humans served");
    }

    String line() {
        return String.format(Locale.ROOT, "%-26s %7.1f %14d %8.1f %13d %24s %24s %24s", phase, millis / 1000.0,
                floodSent, floodPerSecond(), floodServed, sessionBlocked, addressBlocked, humans);
    }
}
