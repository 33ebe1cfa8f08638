package io.edgeward.detection.rules;

import java.util.Arrays;

/** Counting over the events of one {@link ActorState} whose time lies in {@code [from, to]}. */
final class EventWindow {

    private final ActorState state;
    private final long from;
    private final long to;

    EventWindow(ActorState state, long from, long to) {
        this.state = state;
        this.from = from;
        this.to = to;
    }

    private boolean inside(int i) {
        long t = state.time(i);
        return t >= from && t <= to;
    }

    /** Events carrying any of {@code signals}. */
    int count(int signals) {
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (state.flags(i) & signals) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Events carrying {@code all} of the given signals and none of {@code without}. */
    int countExactly(int all, int without) {
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            int f = state.flags(i);
            if (inside(i) && (f & all) == all && (f & without) == 0) {
                n++;
            }
        }
        return n;
    }

    /** Distinct path hashes among events carrying any of {@code signals} (0: all events). */
    int distinctPaths(int signals) {
        int[] hashes = new int[state.size()];
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (signals == 0 || (state.flags(i) & signals) != 0)) {
                hashes[n++] = state.path(i);
            }
        }
        return distinct(hashes, n);
    }

    /** Events carrying any of {@code signals} whose id prefix (here: a route's hash) is {@code prefix}. */
    int countWithPrefix(int signals, int prefix) {
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (state.flags(i) & signals) != 0 && state.idPrefix(i) == prefix) {
                n++;
            }
        }
        return n;
    }

    /**
     * The distinct address hashes (path hashes) of events carrying {@code signals}, restricted to id prefix
     * {@code prefix} when {@code byPrefix}; sorted.
     */
    int[] addresses(int signals, int prefix, boolean byPrefix) {
        int[] hashes = new int[state.size()];
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (state.flags(i) & signals) != 0 && (!byPrefix || state.idPrefix(i) == prefix)) {
                hashes[n++] = state.path(i);
            }
        }
        Arrays.sort(hashes, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /**
     * The coefficient of variation (standard deviation over mean) of the gaps between consecutive events carrying
     * {@code signals}: near 0 for a timer, well above for a person reading. {@code +Infinity} with fewer than two
     * gaps or a mean gap of 0 (a burst is not a pace).
     */
    double gapSpread(int signals) {
        long[] times = new long[state.size()];
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (state.flags(i) & signals) != 0) {
                times[n++] = state.time(i);
            }
        }
        if (n < 3) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(times, 0, n);
        double mean = (times[n - 1] - times[0]) / (double) (n - 1);
        if (mean <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double squares = 0;
        for (int i = 1; i < n; i++) {
            double d = (times[i] - times[i - 1]) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1)) / mean;
    }

    /** The mean gap in milliseconds between the first and last events carrying {@code signals} (0 with fewer than two). */
    long meanGap(int signals) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && (state.flags(i) & signals) != 0) {
                first = Math.min(first, state.time(i));
                last = Math.max(last, state.time(i));
                n++;
            }
        }
        return n < 2 ? 0 : (last - first) / (n - 1);
    }

    /** Longest run of consecutive numbers among the ids requested under {@code prefix}. */
    int longestIdRun(int prefix) {
        int[] values = new int[state.size()];
        int n = 0;
        for (int i = 0; i < state.size(); i++) {
            if (inside(i) && Signals.has(state.flags(i), Signals.NUMERIC_ID) && state.idPrefix(i) == prefix) {
                values[n++] = state.id(i);
            }
        }
        Arrays.sort(values, 0, n);
        int best = n == 0 ? 0 : 1;
        int run = 1;
        for (int i = 1; i < n; i++) {
            if (values[i] == values[i - 1] + 1) {
                best = Math.max(best, ++run);
            } else if (values[i] != values[i - 1]) {
                run = 1;
            }
        }
        return best;
    }

    static int distinct(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
