package io.edgeward.edge.core.sensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of this edge environment's sensor traffic, by outcome: {@code script}, {@code settled} (the short script
 * of a session whose verdict holds), {@code reported}, {@code unavailable} and each rejection reason
 * ({@link SensorRejection}). Every outcome is also in the log record of its generated response
 * ({@code sensor.*} reasons), which is where they are counted across environments.
 */
public final class SensorStats {

    private final Map<String, Long> counts = new LinkedHashMap<>();

    synchronized void record(String outcome) {
        Long current = counts.get(outcome);
        counts.put(outcome, current == null ? 1L : current + 1);
    }

    public synchronized long get(String outcome) {
        Long current = counts.get(outcome);
        return current == null ? 0 : current;
    }

    /** A copy, outcome to count. */
    public synchronized Map<String, Long> snapshot() {
        return new LinkedHashMap<>(counts);
    }
}
