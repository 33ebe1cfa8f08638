package io.edgeward.protector.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A browser sensor report, validated (docs/api/protector-openapi.yaml {@code SensorSignals}): the automation
 * {@code markers} the page found, counts of trusted input events ({@code pointerMoves}, {@code pointerDowns},
 * {@code keys}, {@code touches}, {@code wheels}; {@code scrolls} may be script-driven and are not input),
 * {@code untrusted} synthetic events, the {@code cadence} bucket of the gaps between discrete inputs (0 unknown,
 * 1 machine-regular, 2 usual, 3 erratic), and the script's own cost {@code execMillis}. Counts are capped by the
 * script at 255; anything else is malformed.
 */
record Report(List<String> markers, int pointerMoves, int pointerDowns, int keys, int touches, int wheels,
              int scrolls, int untrusted, int cadence, double execMillis) {

    static final int MAX_MARKERS = 32;
    static final int MAX_MARKER_LENGTH = 40;
    static final int MAX_COUNT = 255;

    /** Thrown with what is wrong; the report is refused as {@code malformed}. */
    static final class Malformed extends RuntimeException {
        Malformed(String detail) {
            super(detail);
        }
    }

    int input() {
        return pointerMoves + pointerDowns + keys + touches + wheels;
    }

    static Report of(Map<String, Object> signals) {
        if (signals == null) {
            throw new Malformed("signals is required");
        }
        List<String> markers = markers(signals.get("a"));
        Object i = signals.get("i");
        if (!(i instanceof Map<?, ?> counts)) {
            throw new Malformed("signals.i must be an object of counts");
        }
        Object x = signals.get("x");
        if (x != null && !(x instanceof Number)) {
            throw new Malformed("signals.x must be a number");
        }
        double exec = x == null ? 0 : ((Number) x).doubleValue();
        if (exec < 0 || exec > 60_000) {
            throw new Malformed("signals.x must be between 0 and 60000");
        }
        return new Report(markers, count(counts, "pm"), count(counts, "pd"), count(counts, "k"), count(counts, "t"),
                count(counts, "wh"), count(counts, "sc"), count(counts, "u"), bucket(counts.get("c")), exec);
    }

    private static List<String> markers(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_MARKERS) {
            throw new Malformed("signals.a must be a list of at most " + MAX_MARKERS + " marker words");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String word) || word.isEmpty() || word.length() > MAX_MARKER_LENGTH
                    || !word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new Malformed("signals.a must hold lowercase marker words");
            }
            out.add(word);
        }
        return List.copyOf(out);
    }

    private static int count(Map<?, ?> counts, String key) {
        Object value = counts.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0
                || n.intValue() > MAX_COUNT) {
            throw new Malformed("signals.i." + key + " must be a whole number between 0 and " + MAX_COUNT);
        }
        return n.intValue();
    }

    private static int bucket(Object value) {
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number n) || n.intValue() < 0 || n.intValue() > 3 || n.doubleValue() != n.intValue()) {
            throw new Malformed("signals.i.c must be 0, 1, 2 or 3");
        }
        return n.intValue();
    }
}
