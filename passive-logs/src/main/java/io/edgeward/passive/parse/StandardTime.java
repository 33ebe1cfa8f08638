package io.edgeward.passive.parse;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The {@code date} and {@code time} fields of a standard log (UTC, {@code 2019-12-04} and {@code 21:02:31}) as one
 * ISO-8601 instant. They are already in ISO form, so checking them is enough; the last date is remembered because
 * a log file covers about an hour, and this runs once per line.
 */
final class StandardTime {

    private String lastValidDate;

    /** {@code 2019-12-04T21:02:31Z}, or null when either value is not a valid date or time of day. */
    String toIso(String date, String time) {
        if (!date.equals(lastValidDate)) {
            if (!isDate(date)) {
                return null;
            }
            lastValidDate = date;
        }
        return isTime(time) ? date + 'T' + time + 'Z' : null;
    }

    private static boolean isDate(String date) {
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return false;
        }
        try {
            LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isTime(String time) {
        if (time.length() != 8 || time.charAt(2) != ':' || time.charAt(5) != ':') {
            return false;
        }
        try {
            return digits(time, 0, 2) < 24 && digits(time, 3, 5) < 60 && digits(time, 6, 8) < 60;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
