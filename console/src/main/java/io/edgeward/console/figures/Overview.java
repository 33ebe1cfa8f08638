package io.edgeward.console.figures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * @param requests          requests logged in the period
 * @param requestsPerSecond {@code requests} over the period's length, or over the time since the first record when
 *                          that is shorter
 * @param byAction          requests per edge action: {@code allow}, {@code challenge}, {@code block}, {@code monitor}
 *                          and {@code other} (no or an unknown action), every key present
 * @param series            one point per bucket, oldest first, every bucket of the period present (zeros included)
 * @param top               for each dimension, at most 10 values, most first
 */
public record Overview(Period period, Instant from, Instant to, long requests, double requestsPerSecond,
                       Map<String, Long> byAction, List<SeriesPoint> series, Map<Dimension, List<TopEntry>> top) {
}
