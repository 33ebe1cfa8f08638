package io.edgeward.protector.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per scoring rule (docs/browser-signals.md "How a report is scored"). */
class SignalScorerTest {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0";
    private final SignalScorer scorer = new SignalScorer(SignalSettings.defaults());

    @Test
    void a_browser_that_declares_webdriver_is_automation_whatever_its_input() {
        Verdict v = scorer.score(report(List.of("webdriver"), 40, 3), CHROME, null, 0);

        assertThat(v.verdict()).isEqualTo("automation");
        assertThat(v.reason()).isEqualTo("marker:webdriver");
        assertThat(v.ttl()).isEqualTo(1800);
    }

    @Test
    void chromedrivers_own_globals_are_declared_automation() {
        assertThat(scorer.score(report(List.of("chromedriver-global"), 40, 3), CHROME, null, 0).reason())
                .isEqualTo("marker:chromedriver-global");
    }

    @Test
    void a_headless_brand_in_the_request_headers_is_automation_even_when_the_page_hides_it() {
        Verdict v = scorer.score(report(List.of(), 40, 3), CHROME,
                "\"HeadlessChrome\";v=\"131\", \"Chromium\";v=\"131\"", 0);

        assertThat(v.reason()).isEqualTo("marker:headless-brand");
    }

    @Test
    void two_inconsistencies_are_automation_one_is_not() {
        Verdict two = scorer.score(report(List.of("no-plugins", "version-mismatch"), 40, 3), CHROME, null, 0);
        Verdict one = scorer.score(report(List.of("no-plugins"), 40, 3), CHROME, null, 0);

        assertThat(two.verdict()).isEqualTo("automation");
        assertThat(two.reason()).isEqualTo("markers:no-plugins+version-mismatch");
        assertThat(one.verdict()).isEqualTo("human");
    }

    @Test
    void synthetic_events_only_count_as_an_inconsistency() {
        Report synthetic = new Report(List.of("no-plugins"), 0, 0, 0, 0, 0, 0, 30, 0, 0.5);

        assertThat(scorer.score(synthetic, CHROME, null, 0).reason()).isEqualTo("markers:no-plugins+untrusted-input");
    }

    @Test
    void trusted_input_is_human_and_ends_the_quiet_count() {
        Verdict v = scorer.score(report(List.of(), 25, 2), CHROME, null, 4);

        assertThat(v.verdict()).isEqualTo("human");
        assertThat(v.quietReports()).isZero();
        assertThat(v.ttl()).isEqualTo(1800);
    }

    @Test
    void a_quiet_report_is_unknown_until_enough_in_a_row_make_it_automation() {
        Verdict fourth = scorer.score(report(List.of(), 0, 0), CHROME, null, 3);
        Verdict fifth = scorer.score(report(List.of(), 0, 0), CHROME, null, 4);

        assertThat(fourth.verdict()).isEqualTo("unknown");
        assertThat(fourth.quietReports()).isEqualTo(4);
        assertThat(fourth.ttl()).isZero();
        assertThat(fifth.verdict()).isEqualTo("automation");
        assertThat(fifth.reason()).isEqualTo("no-input");
    }

    @Test
    void scrolling_alone_is_not_input_since_a_script_can_scroll() {
        Report scrolled = new Report(List.of(), 0, 0, 0, 0, 0, 40, 0, 0, 0.5);

        assertThat(scorer.score(scrolled, CHROME, null, 0).verdict()).isEqualTo("unknown");
    }

    @Test
    void markers_a_newer_script_sends_that_this_protector_does_not_know_are_ignored() {
        assertThat(scorer.score(report(List.of("something-new", "other-new"), 5, 1), CHROME, null, 0).verdict())
                .isEqualTo("human");
    }

    private static Report report(List<String> markers, int moves, int clicks) {
        return new Report(markers, moves, clicks, 0, 0, 0, 0, 0, 2, 0.5);
    }
}
