package io.edgeward.passive.parse;

import java.util.Arrays;

/** Splits a tab-separated line without a regex (this is the hot path of a log file). */
final class Tabs {

    private Tabs() {
    }

    static String[] split(String line) {
        String[] out = new String[48];
        int count = 0;
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            if (count == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (tab < 0) {
                out[count++] = line.substring(start);
                return Arrays.copyOf(out, count);
            }
            out[count++] = line.substring(start, tab);
            start = tab + 1;
        }
    }

    /** The field count without empty trailing fields beyond {@code expected} (CloudFront sometimes ends a line with a tab). */
    static int meaningfulCount(String[] fields, int expected) {
        int n = fields.length;
        while (n > expected && fields[n - 1].isEmpty()) {
            n--;
        }
        return n;
    }
}
