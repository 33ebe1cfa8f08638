package io.edgeward.protector.signals;

/**
 * Protector's answer to a report: {@code verdict} is {@code human}, {@code automation}, {@code unknown} or
 * {@code exempt}; {@code reason} a short word ({@code input}, {@code marker:webdriver}, {@code no-input} ...);
 * {@code ttl} how many seconds the edge may hold it (0: the sensor reports again on the next page);
 * {@code quietReports} the session's new count of reports in a row without input.
 */
public record Verdict(String verdict, String reason, long ttl, int quietReports) {

    public static final String HUMAN = "human";
    public static final String AUTOMATION = "automation";
    public static final String UNKNOWN = "unknown";
    public static final String EXEMPT = "exempt";
}
