package io.edgeward.local.simulate;

import java.util.List;
import java.util.Locale;

/**
 * One adversary class's figures: of its requests after the first {@code settle} (30 s: time for the loop of logs,
 * detection and decisions to have seen it), the share the edge challenged or blocked (a generated answer, counted by
 * its {@code x-edgeward-action} header); the time to its first challenge or block; and a class-specific detail.
 * Posts to the challenge verify path are left out of the counts (a failed verification is itself answered with a
 * challenge); the class's detail reports them.
 */
record AdversaryReport(String adversary, int clients, int requests, int later, int laterMitigated,
                       long firstMitigationMillis, String detail) {

    static final long SETTLE_MILLIS = 30_000;

    static AdversaryReport of(String adversary, int clients, List<Timeline.Entry> entries, String detail) {
        return of(adversary, clients, entries, SETTLE_MILLIS, detail);
    }

    static AdversaryReport of(String adversary, int clients, List<Timeline.Entry> entries, long settleMillis,
                              String detail) {
        int requests = 0;
        int later = 0;
        int laterMitigated = 0;
        long first = -1;
        for (Timeline.Entry e : entries) {
            if (e.kind() == Timeline.Kind.VERIFY) {
                continue; // an answer to a verification post is not a page or asset the edge let through or not
            }
            requests++;
            if (e.mitigated() && (first < 0 || e.atMillis() < first)) {
                first = e.atMillis();
            }
            if (e.atMillis() >= settleMillis) {
                later++;
                if (e.mitigated()) {
                    laterMitigated++;
                }
            }
        }
        return new AdversaryReport(adversary, clients, requests, later, laterMitigated, first, detail);
    }

    /** Pages (not assets, not verifications) served after {@code fromMillis}, and all pages asked for after it. */
    static int[] pagesServedAfter(List<Timeline.Entry> entries, long fromMillis) {
        int served = 0;
        int asked = 0;
        for (Timeline.Entry e : entries) {
            if (e.kind() == Timeline.Kind.PAGE && e.atMillis() >= fromMillis) {
                asked++;
                if (e.served()) {
                    served++;
                }
            }
        }
        return new int[] {served, asked};
    }

    /** The mitigated share of the requests after the settle time, in percent; NaN when there were none. */
    double laterMitigatedPercent() {
        return later == 0 ? Double.NaN : 100.0 * laterMitigated / later;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-17s %7s %8s %10s %24s %16s   %s", "adversary", "clients", "requests",
                "after 30 s", "challenged/blocked after", "first mitigation", "detail");
    }

    String line() {
        String share = later == 0 ? "-" : String.format(Locale.ROOT, "%d (%.1f %%)", laterMitigated,
                laterMitigatedPercent());
        String first = firstMitigationMillis < 0 ? "never"
                : String.format(Locale.ROOT, "%.1f s", firstMitigationMillis / 1000.0);
        return String.format(Locale.ROOT, "%-17s %7d %8d %10d %24s %16s   %s", adversary, clients, requests, later,
                share, first, detail);
    }
}
