package io.edgeward.console.pages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operators type {@code 10m}, {@code 2h} or {@code 7d} as readily as ISO-8601 {@code PT10M}; the short forms become
 * ISO-8601 here and anything else goes to Protector as typed, which validates it and says what is wrong.
 */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    private DurationText() {
    }

    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            String n = m.group(1);
            return switch (m.group(2)) {
                case "s" -> "PT" + n + "S";
                case "m" -> "PT" + n + "M";
                case "h" -> "PT" + n + "H";
                default -> "P" + n + "D";
            };
        }
        return text.strip().toUpperCase(Locale.ROOT);
    }
}
