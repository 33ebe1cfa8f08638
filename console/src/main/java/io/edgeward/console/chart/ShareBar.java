package io.edgeward.console.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The share of requests allowed, challenged, blocked and monitored (and other), as one stacked bar in
 * {@code viewBox="0 0 100 10"} with a legend that carries the numbers in text.
 */
public record ShareBar(long total, List<Segment> segments, String summary) {

    /** {@code action} is the CSS class suffix that gives the segment its colour. */
    public record Segment(String action, String label, long count, String x, String width, String percent) {
    }

    private static final List<String[]> ACTIONS = List.of(new String[] {"allow", "Allowed"},
            new String[] {"challenge", "Challenged"}, new String[] {"block", "Blocked"},
            new String[] {"monitor", "Monitored"}, new String[] {"other", "Other"});

    private static final List<String[]> OUTCOMES = List.of(new String[] {"allow", "Passed", "passed"},
            new String[] {"challenge", "Failed", "failed"}, new String[] {"block", "Blocked", "blocked"},
            new String[] {"monitor", "Limited", "limited"});

    /** Requests by edge action ({@code allow}, {@code challenge}, {@code block}, {@code monitor}, {@code other}). */
    public static ShareBar of(Map<String, Long> byAction) {
        return of(ACTIONS, byAction, "requests");
    }

    /** Verifications by outcome ({@code passed}, {@code failed}, {@code blocked}, {@code limited}). */
    public static ShareBar outcomes(Map<String, Long> byOutcome) {
        return of(OUTCOMES, byOutcome, "verifications");
    }

    /** {@code keys}: CSS class suffix, label, and the map key when it differs from the class suffix. */
    private static ShareBar of(List<String[]> keys, Map<String, Long> counts, String noun) {
        long total = keys.stream().mapToLong(k -> counts.getOrDefault(key(k), 0L)).sum();
        List<Segment> segments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        double x = 0;
        for (String[] action : keys) {
            long count = counts.getOrDefault(key(action), 0L);
            double share = total == 0 ? 0 : 100.0 * count / total;
            String percent = String.format(Locale.ROOT, "%.1f%%", share);
            segments.add(new Segment(action[0], action[1], count, Svg.num(x), Svg.num(share), percent));
            words.add(action[1].toLowerCase(Locale.ROOT) + " " + percent);
            x += share;
        }
        String summary = total == 0 ? "No " + noun + " in this period." : "Of " + total + " " + noun + ": "
                + String.join(", ", words) + ".";
        return new ShareBar(total, List.copyOf(segments), summary);
    }

    private static String key(String[] k) {
        return k.length > 2 ? k[2] : k[0];
    }
}
