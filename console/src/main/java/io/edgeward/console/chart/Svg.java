package io.edgeward.console.chart;

import java.util.Locale;

/** Numbers as SVG attributes want them: a dot, two decimals at most, never an exponent. */
final class Svg {

    private Svg() {
    }

    static String num(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        if (text.endsWith(".00")) {
            return text.substring(0, text.length() - 3);
        }
        return text.endsWith("0") ? text.substring(0, text.length() - 1) : text;
    }
}
