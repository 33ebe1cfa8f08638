package io.edgeward.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The report arithmetic, on timelines driven by a hand-moved clock. */
class AdversaryReportTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Timeline timeline = new Timeline(nanos::get);

    private void at(long millis, Timeline.Kind kind, int status, String action) {
        timeline.now(); // the clock starts at the first call
        nanos.set(1_000_000_000L + millis * 1_000_000L);
        timeline.record(kind, status, action);
    }

    @Test
    void share_counts_only_requests_after_the_settle_time() {
        at(0, Timeline.Kind.PAGE, 200, null);
        at(29_999, Timeline.Kind.PAGE, 403, "challenge");
        at(30_000, Timeline.Kind.PAGE, 403, "block");
        at(31_000, Timeline.Kind.ASSET, 200, null);
        at(40_000, Timeline.Kind.PAGE, 403, "challenge");
        at(50_000, Timeline.Kind.PAGE, 200, null);

        AdversaryReport report = AdversaryReport.of("x", 1, timeline.entries(), "");

        assertThat(report.requests()).isEqualTo(6);
        assertThat(report.later()).isEqualTo(4);
        assertThat(report.laterMitigated()).isEqualTo(2);
        assertThat(report.laterMitigatedPercent()).isEqualTo(50.0);
        assertThat(report.firstMitigationMillis()).isEqualTo(29_999);
        assertThat(report.line()).contains("2 (50.0 %)").contains("30.0 s");
    }

    @Test
    void verification_posts_are_left_out_because_a_failed_one_is_answered_with_a_challenge() {
        at(31_000, Timeline.Kind.VERIFY, 403, "challenge");
        at(32_000, Timeline.Kind.PAGE, 200, null);

        AdversaryReport report = AdversaryReport.of("x", 1, timeline.entries(), "");

        assertThat(report.requests()).isEqualTo(1);
        assertThat(report.laterMitigated()).isZero();
        assertThat(report.firstMitigationMillis()).isEqualTo(-1);
        assertThat(report.line()).contains("never");
    }

    @Test
    void no_request_after_the_settle_time_is_no_share_rather_than_zero() {
        at(1_000, Timeline.Kind.PAGE, 403, "block");

        AdversaryReport report = AdversaryReport.of("x", 1, timeline.entries(), "");

        assertThat(report.laterMitigatedPercent()).isNaN();
        assertThat(report.line()).contains(" - ");
    }

    @Test
    void pages_served_after_a_mark_leave_out_assets_errors_and_generated_answers() {
        at(1_000, Timeline.Kind.PAGE, 200, null);
        nanos.set(1_000_000_000L + 1_500_000_000L);
        timeline.mark("blocked");
        at(2_000, Timeline.Kind.PAGE, 200, null);
        at(3_000, Timeline.Kind.ASSET, 200, null);
        at(4_000, Timeline.Kind.PAGE, 403, "block");
        at(5_000, Timeline.Kind.PAGE, 0, null);
        at(6_000, Timeline.Kind.PAGE, 303, null);

        int[] servedAndAsked = AdversaryReport.pagesServedAfter(timeline.entries(), timeline.markedAt("blocked"));

        assertThat(timeline.markedAt("blocked")).isEqualTo(1_500);
        assertThat(servedAndAsked).as("served: the 200 and the 303").containsExactly(2, 4);
    }

    @Test
    void the_blocked_verifier_detail_separates_pages_before_and_after_the_block_was_enforced() {
        timeline.mark("blocked");
        at(1_000, Timeline.Kind.PAGE, 200, null);
        at(2_000, Timeline.Kind.PAGE, 403, "block");
        at(3_000, Timeline.Kind.VERIFY, 303, null);
        at(4_000, Timeline.Kind.PAGE, 200, null);
        timeline.count("passed");

        assertThat(BlockedVerifier.detail(timeline))
                .isEqualTo("pages served after its block: 2 of 3 (1 of 2 after the first block answer); "
                        + "verifications passed 1, refused 0");
    }

    @Test
    void humans_detail_names_each_person_once_with_the_first_thing_they_met() {
        timeline.count("people");
        timeline.count("people");
        timeline.mitigatedClient("h0@nat", "challenge at /");
        timeline.mitigatedClient("h0@nat", "block at /login");

        assertThat(ChromeHuman.detail(timeline))
                .isEqualTo("people ever challenged or blocked: 1 of 2: h0@nat (challenge at /); challenges solved 0");
    }

    @Test
    void a_flood_phase_share_counts_its_window_and_only_origin_answers_below_400() {
        at(999, Timeline.Kind.PAGE, 200, null);
        at(1_000, Timeline.Kind.PAGE, 200, null);
        at(1_500, Timeline.Kind.PAGE, 404, null);
        at(1_600, Timeline.Kind.PAGE, 403, "block");
        at(1_700, Timeline.Kind.PAGE, 0, null);
        at(2_000, Timeline.Kind.PAGE, 200, null);

        FloodReport.Share share = FloodReport.Share.of(timeline.entries(), 1_000, 2_000);

        assertThat(share).isEqualTo(new FloodReport.Share(1, 4));
        assertThat(share.toString()).isEqualTo("1 of 4 (25.0 %)");
        assertThat(FloodReport.Share.of(List.of(), 0, 1).toString()).isEqualTo("-");
    }
}
