package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.topics.LogRecord;
import io.edgeward.detection.topics.RecordField;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A field the source cannot see is never judged absent: a CloudFront standard log or an Apache log carries no
 * Accept-Language and no cookie, so every visitor in them would otherwise look like a bot.
 */
class SourceAwareRulesTest {

    private final DetectionHarness h = new DetectionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private void browseWithoutAcceptLanguage(String ip, String source, String observed) {
        for (int i = 0; i < 8; i++) {
            h.send(Req.get("/products/" + (i * 13)).noAcceptLanguage().ip(ip).passive(source, observed));
            h.send(Req.get("/static/site.css").noAcceptLanguage().ip(ip).passive(source, observed));
        }
    }

    @Test
    void a_standard_log_without_accept_language_never_trips_the_missing_headers_rule() {
        browseWithoutAcceptLanguage("198.51.100.1", "cloudfront-standard", "userAgent,referer");

        assertThat(h.detections("automation.missing-headers")).isEmpty();
    }

    @Test
    void an_access_log_record_that_does_not_say_what_it_observes_is_judged_on_what_it_carries() {
        browseWithoutAcceptLanguage("198.51.100.2", "access-log", null);

        assertThat(h.detections("automation.missing-headers")).isEmpty();
    }

    @Test
    void a_real_time_log_with_request_headers_does_show_a_missing_accept_language() {
        browseWithoutAcceptLanguage("198.51.100.3", "cloudfront-realtime", "userAgent,accept,acceptLanguage");

        assertThat(h.detections("automation.missing-headers")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo("198.51.100.3"));
    }

    @Test
    void an_empty_user_agent_counts_only_where_the_source_shows_user_agents() {
        for (int i = 0; i < 4; i++) {
            h.send(Req.get("/a" + i).ua(null).ip("198.51.100.4").passive("access-log", ""));
            h.send(Req.get("/b" + i).ua(null).ip("198.51.100.5").passive("access-log", "userAgent,referer"));
        }

        assertThat(h.detections("automation.user-agent")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo("198.51.100.5"));
    }

    @Test
    void an_automation_user_agent_a_source_does_carry_is_judged_everywhere() {
        for (int i = 0; i < 4; i++) {
            h.send(Req.get("/c" + i).ua("python-requests/2.32").ip("198.51.100.6").passive("access-log", null));
        }

        assertThat(h.detections("automation.user-agent")).singleElement();
    }

    @Test
    void every_rule_that_reads_an_absence_declares_the_field() {
        assertThat(RuleName.AUTOMATION_MISSING_HEADERS.needs()).containsExactly(RecordField.ACCEPT_LANGUAGE);
        assertThat(RuleName.AUTOMATION_USER_AGENT.needs()).containsExactly(RecordField.USER_AGENT);
        assertThat(RuleName.COOKIE_REFUSAL.needs()).containsExactly(RecordField.COOKIE);
        assertThat(RuleName.COOKIE_REFUSAL.runsOn(EnumSet.of(RecordField.USER_AGENT))).isFalse();
        assertThat(RuleName.SCRAPING_NO_ASSETS.runsOn(EnumSet.noneOf(RecordField.class))).isTrue();
    }

    @Test
    void edge_records_observe_everything_and_a_stated_list_is_taken_as_is() {
        LogRecord edge = Req.get("/").build();
        LogRecord standard = Req.get("/").passive("cloudfront-standard", "userAgent,referer,somethingNew").build();

        assertThat(RecordField.observedBy(edge)).containsExactlyInAnyOrder(RecordField.values());
        assertThat(RecordField.observedBy(standard))
                .containsExactlyInAnyOrder(RecordField.USER_AGENT, RecordField.REFERER);
    }
}
