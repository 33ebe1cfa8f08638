package io.edgeward.console.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shares of a whole as one stacked bar in {@code viewBox="0 0 100 10"}, with a legend that carries the numbers in
 * text: requests by edge action on the overview, verifications by outcome on the challenges page.
 */
public record ShareBar(long total, List<Segment> segments, String summary) {

    /** {@code action} is the CSS class suffix that gives the segment its colour. */
    public record Segment(String action, String label, long count, String x, String width, String percent) {
    }

    /** One part of the whole: the key of its count, its colour class and its label. */
    private record Part(String key, String cssClass, String label) {
    }

    private static final List<Part> ACTIONS = List.of(new Part("allow", "allow", "Allowed"),
            new Part("challenge", "challenge", "Challenged"), new Part("block", "block", "Blocked"),
            new Part("monitor", "monitor", "Monitored"), new Part("other", "other", "Other"));

    // the colours of the actions the outcomes lead to: passed goes on, failed is challenged again, ...
    private static final List<Part> OUTCOMES = List.of(new Part("passed", "allow", "Passed"),
            new Part("failed", "challenge", "Failed"), new Part("blocked", "block", "Blocked"),
            new Part("limited", "monitor", "Limited"));

    /** Requests by edge action ({@code allow}, {@code challenge}, {@code block}, {@code monitor}, {@code other}). */
    public static ShareBar of(Map<String, Long> byAction) {
        return of(ACTIONS, byAction, "requests");
    }

    /** Verifications by outcome ({@code passed}, {@code failed}, {@code blocked}, {@code limited}). */
    public static ShareBar outcomes(Map<String, Long> byOutcome) {
        return of(OUTCOMES, byOutcome, "verifications");
    }

    private static ShareBar of(List<Part> parts, Map<String, Long> counts, String noun) {
        long total = parts.stream().mapToLong(p -> counts.getOrDefault(p.key(), 0L)).sum();
        List<Segment> segments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        double x = 0;
        for (Part part : parts) {
            long count = counts.getOrDefault(part.key(), 0L);
            double share = total == 0 ? 0 : 100.0 * count / total;
            String percent = String.format(Locale.ROOT, "%.1f%%", share);
            segments.add(new Segment(part.cssClass(), part.label(), count, Svg.num(x), Svg.num(share), percent));
            words.add(part.label().toLowerCase(Locale.ROOT) + " " + percent);
            x += share;
        }
        String summary = total == 0 ? "No " + noun + " in this period." : "Of " + total + " " + noun + ": "
                + String.join(", ", words) + ".";
        return new ShareBar(total, List.copyOf(segments), summary);
    }
}
