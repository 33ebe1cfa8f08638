package io.edgeward.edge.core.config;

/**
 * ISO-8601 durations ({@code PT0.1S}, {@code PT10M}, {@code PT24H}, {@code P1D}) parsed to milliseconds without
 * {@code java.time}, which the TeaVM target lacks. Supports days, hours, minutes and (fractional) seconds.
 */
public final class IsoDuration {

    private IsoDuration() {
    }

    /** @throws IllegalArgumentException when the text is not such a duration */
    public static long parseMillis(String text) {
        if (text == null || text.length() < 3 || text.charAt(0) != 'P') {
            throw new IllegalArgumentException("not an ISO-8601 duration");
        }
        long total = 0;
        boolean time = false;
        boolean any = false;
        int i = 1;
        while (i < text.length()) {
            if (text.charAt(i) == 'T') {
                if (time) {
                    throw new IllegalArgumentException("not an ISO-8601 duration");
                }
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (i == start || i == text.length() || i - start > 12) {
                throw new IllegalArgumentException("not an ISO-8601 duration");
            }
            String number = text.substring(start, i);
            char unit = text.charAt(i++);
            long unitMillis = unitMillis(unit, time);
            total += scaled(number, unitMillis, unit == 'S');
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("not an ISO-8601 duration");
        }
        return total;
    }

    /** The shortest ISO-8601 text for a whole number of milliseconds, e.g. {@code PT0.1S}, {@code PT60S}. */
    public static String format(long millis) {
        long seconds = millis / 1000;
        long rest = millis % 1000;
        if (rest == 0) {
            return "PT" + seconds + "S";
        }
        String fraction = String.valueOf(1000 + rest).substring(1);
        while (fraction.endsWith("0")) {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        return "PT" + seconds + "." + fraction + "S";
    }

    private static long unitMillis(char unit, boolean time) {
        if (!time && unit == 'D') {
            return 86_400_000L;
        }
        if (time && unit == 'H') {
            return 3_600_000L;
        }
        if (time && unit == 'M') {
            return 60_000L;
        }
        if (time && unit == 'S') {
            return 1000L;
        }
        throw new IllegalArgumentException("not an ISO-8601 duration");
    }

    private static long scaled(String number, long unitMillis, boolean fractionAllowed) {
        int dot = number.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(number) * unitMillis;
        }
        if (!fractionAllowed || dot == 0 || dot == number.length() - 1 || number.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("not an ISO-8601 duration");
        }
        String fraction = (number.substring(dot + 1) + "000").substring(0, 3);
        return Long.parseLong(number.substring(0, dot)) * unitMillis + Long.parseLong(fraction);
    }

    /** ASCII only, and cheap on TeaVM, whose {@code Character.isDigit} decodes Unicode tables on first use. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
