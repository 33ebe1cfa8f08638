package io.edgeward.edge.core.session;

/**
 * What the browser sensor established about a session, carried in the cookie (docs/browser-signals.md): the last
 * {@code verdict} Protector gave ({@code human}, {@code automation}, {@code unknown} or {@code exempt}; null when
 * none), when it was given ({@code at}) and until when it holds ({@code until}; epoch seconds), how many reports in a
 * row showed no input ({@code quietReports}), and how many HTML pages the session loaded since its last report
 * ({@code pagesWithoutReport}).
 */
public record SensorState(String verdict, long at, long until, int quietReports, int pagesWithoutReport) {

    public static final String HUMAN = "human";
    public static final String AUTOMATION = "automation";
    public static final String UNKNOWN = "unknown";
    public static final String EXEMPT = "exempt";
    /** Counters stop here: a cookie never carries a number an attacker could grow without bound. */
    public static final int MAX_COUNT = 1000;

    public static final SensorState NONE = new SensorState(null, 0, 0, 0, 0);

    public SensorState {
        if (verdict != null && !isVerdict(verdict)) {
            throw new IllegalArgumentException("sensor verdict must be human, automation, unknown or exempt, was "
                    + verdict);
        }
        if (at < 0 || until < 0 || quietReports < 0 || pagesWithoutReport < 0) {
            throw new IllegalArgumentException("sensor times and counts must be >= 0");
        }
        quietReports = Math.min(quietReports, MAX_COUNT);
        pagesWithoutReport = Math.min(pagesWithoutReport, MAX_COUNT);
    }

    public static boolean isVerdict(String word) {
        return HUMAN.equals(word) || AUTOMATION.equals(word) || UNKNOWN.equals(word) || EXEMPT.equals(word);
    }

    /** A verdict that still holds at {@code nowSeconds}: the sensor need not report again until then. */
    public boolean settledAt(long nowSeconds) {
        return verdict != null && nowSeconds < until;
    }

    public boolean is(String word, long nowSeconds) {
        return settledAt(nowSeconds) && word.equals(verdict);
    }

    /** One more HTML page since the last report. */
    public SensorState pageLoaded() {
        return new SensorState(verdict, at, until, quietReports, pagesWithoutReport + 1);
    }

    /** A report was answered at {@code nowSeconds}: the page count starts again. */
    public SensorState reported(String newVerdict, long nowSeconds, long holdSeconds, int newQuietReports) {
        return new SensorState(newVerdict, nowSeconds, nowSeconds + Math.max(0, holdSeconds), newQuietReports, 0);
    }

    /** A report arrived but could not be scored (Protector away): the script ran, so the page count starts again. */
    public SensorState ran() {
        return new SensorState(verdict, at, until, quietReports, 0);
    }

    /** Protector said this client is exempt (allowlisted, a verified good bot, allowed automation) until then. */
    public SensorState exemptUntil(long nowSeconds, long untilSeconds) {
        return new SensorState(EXEMPT, nowSeconds, untilSeconds, 0, 0);
    }
}
