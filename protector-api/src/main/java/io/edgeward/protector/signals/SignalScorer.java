package io.edgeward.protector.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a report into a verdict (docs/browser-signals.md "How a report is scored"), in this order:
 * <ol>
 *   <li>a <em>declared</em> automation marker ({@code webdriver}, a headless user agent or brand, an automation
 *       framework's globals; also a headless user agent or {@code Sec-CH-UA} brand in the request itself):
 *       automation;</li>
 *   <li>two or more <em>inconsistencies</em> (missing or contradictory browser features, client hints that do not
 *       match the user agent, synthetic input only, machine-regular input cadence): automation;</li>
 *   <li>any trusted input (pointer, key, touch, wheel): human;</li>
 *   <li>otherwise the report is quiet: unknown, until {@code quietReports} quiet reports in a row make it
 *       automation.</li>
 * </ol>
 * One inconsistency alone never decides: real browsers have odd settings (no plugins, privacy extensions).
 */
final class SignalScorer {

    static final Set<String> DECLARED = Set.of("webdriver", "headless-ua", "headless-brand", "automation-global",
            "chromedriver-global");
    static final Set<String> INCONSISTENT = Set.of("brand-mismatch", "version-mismatch", "no-ua-data",
            "no-chrome-object", "no-languages", "no-plugins", "zero-window", "untrusted-input", "regular-cadence");

    private final SignalSettings settings;

    SignalScorer(SignalSettings settings) {
        this.settings = settings;
    }

    Verdict score(Report report, String userAgent, String secChUa, int quietReports) {
        List<String> markers = new ArrayList<>(report.markers());
        if (userAgent != null && userAgent.toLowerCase(Locale.ROOT).contains("headless")) {
            markers.add("headless-ua");
        }
        if (secChUa != null && secChUa.toLowerCase(Locale.ROOT).contains("headless")) {
            markers.add("headless-brand");
        }
        if (report.untrusted() > 0 && report.input() == 0) {
            markers.add("untrusted-input");
        }
        if (report.cadence() == 1) {
            markers.add("regular-cadence");
        }
        long automationTtl = settings.automationTtl().toSeconds();
        for (String marker : markers) {
            if (DECLARED.contains(marker)) {
                return new Verdict(Verdict.AUTOMATION, "marker:" + marker, automationTtl, quietReports);
            }
        }
        List<String> inconsistent = markers.stream().filter(INCONSISTENT::contains).distinct().sorted().toList();
        if (inconsistent.size() >= 2) {
            return new Verdict(Verdict.AUTOMATION, "markers:" + String.join("+", inconsistent.subList(0, 2)),
                    automationTtl, quietReports);
        }
        if (report.input() > 0) {
            return new Verdict(Verdict.HUMAN, "input", settings.humanTtl().toSeconds(), 0);
        }
        int quiet = Math.min(1000, Math.max(0, quietReports) + 1);
        if (quiet >= settings.quietReports()) {
            return new Verdict(Verdict.AUTOMATION, "no-input", automationTtl, quiet);
        }
        return new Verdict(Verdict.UNKNOWN, "no-input-yet", 0, quiet);
    }
}
