package io.edgeward.console.chart;

import io.edgeward.console.figures.SeriesPoint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests over time as stacked columns by edge action, in a {@code viewBox} of {@value #WIDTH} by
 * {@value #HEIGHT} (the plot) plus room for axis labels; it scales to any width. Geometry only: the template draws
 * it, so every label passes through the template's escaping.
 */
public record TimeChart(String viewBox, List<Column> columns, List<Tick> ticks, String maxLabel, String summary,
                        List<SeriesPoint> points) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    public record Column(List<Rect> rects) {
    }

    /** {@code action} is the CSS class suffix. */
    public record Rect(String action, String x, String y, String width, String height) {
    }

    public record Tick(String x, String label) {
    }

    public static TimeChart of(List<SeriesPoint> points) {
        long max = points.stream().mapToLong(p -> Math.max(p.total(), p.allow() + p.challenge() + p.block() + p.monitor()))
                .max().orElse(0);
        int n = Math.max(1, points.size());
        double slot = (double) WIDTH / n;
        double barWidth = Math.max(0.5, slot * 0.8);
        List<Column> columns = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, n / 6);
        long peak = 0;
        SeriesPoint peakPoint = null;
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint p = points.get(i);
            double x = i * slot + (slot - barWidth) / 2;
            List<Rect> rects = new ArrayList<>();
            double y = HEIGHT;
            long other = Math.max(0, p.total() - p.allow() - p.challenge() - p.block() - p.monitor());
            long[] counts = {p.allow(), p.challenge(), p.block(), p.monitor(), other};
            String[] actions = {"allow", "challenge", "block", "monitor", "other"};
            for (int a = 0; a < counts.length; a++) {
                if (counts[a] > 0 && max > 0) {
                    double h = HEIGHT * (double) counts[a] / max;
                    y -= h;
                    rects.add(new Rect(actions[a], Svg.num(x), Svg.num(y), Svg.num(barWidth), Svg.num(h)));
                }
            }
            columns.add(new Column(List.copyOf(rects)));
            if (i % every == 0) {
                ticks.add(new Tick(Svg.num(i * slot), HH_MM.format(p.start())));
            }
            if (p.total() > peak) {
                peak = p.total();
                peakPoint = p;
            }
        }
        long sum = points.stream().mapToLong(SeriesPoint::total).sum();
        String summary = points.isEmpty() || sum == 0 ? "No requests in this period." : sum + " requests in "
                + points.size() + " intervals from " + HH_MM.format(points.get(0).start()) + " UTC; the busiest, at "
                + HH_MM.format(peakPoint.start()) + ", had " + peak + ".";
        return new TimeChart("0 0 " + WIDTH + " " + (HEIGHT + AXIS), List.copyOf(columns), List.copyOf(ticks),
                Long.toString(max), summary, List.copyOf(points));
    }

    public String tickY() {
        return Integer.toString(HEIGHT + 15);
    }

    public String baseline() {
        return Integer.toString(HEIGHT);
    }

    public String width() {
        return Integer.toString(WIDTH);
    }
}
