package io.edgeward.protector;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reads typed values from environment variables, naming the variable and the bad value when one is wrong. */
public final class EnvValues {

    private EnvValues() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static int integer(Map<String, String> env, String name, int fallback) {
        String v = blankToNull(env.get(name));
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + v + "'");
        }
    }

    public static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + v + "'");
        };
    }

    public static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = blankToNull(env.get(name));
        try {
            return v == null ? fallback : Duration.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration like PT60S, was '" + v + "'");
        }
    }

    public static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + d);
        }
    }
}
