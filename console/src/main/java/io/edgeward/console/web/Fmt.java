package io.edgeward.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Formatting for templates: times in UTC, counts with separators; null shows as a dash. */
public final class Fmt {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** An ISO-8601 instant as the admin API gives it, shown like {@link #time(Instant)}; unparsable text as is. */
    public static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            return time(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.2f" : "%,.0f", perSecond);
    }

    public static String millis(Long value) {
        return value == null ? "—" : value < 10_000 ? value + " ms" : String.format(Locale.ROOT, "%.1f s", value / 1000.0);
    }

    public static String text(Object value) {
        return value == null ? "—" : value.toString();
    }

    public static String duration(Duration value) {
        return value == null ? "—" : value.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Evidence as {@code key=value} pairs in key order; values are attacker-influenced and escaped by the template. */
    public static String evidence(Map<String, Object> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            return "—";
        }
        return evidence.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
