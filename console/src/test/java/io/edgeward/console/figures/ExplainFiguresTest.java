package io.edgeward.console.figures;

import static io.edgeward.console.figures.FiguresDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainFiguresTest {

    @TempDir
    Path state;
    FiguresDriver f;

    @BeforeEach
    void start() {
        f = new FiguresDriver(state);
        f.log(NOW.minus(Duration.ofMinutes(90)), "203.0.113.7", "requestId", "old", "sessionId", "s1");
        f.log(NOW.minusSeconds(30), "203.0.113.7", "requestId", "r1", "sessionId", "s1", "path", "/a");
        f.log(NOW.minusSeconds(20), "203.0.113.7", "requestId", "r2", "sessionId", "s2", "path", "/b",
                "action", "challenge", "reason", "automation user agent", "decisionId", "dec-9");
        f.log(NOW.minusSeconds(10), "198.51.100.1", "requestId", "r3", "sessionId", "s1", "path", "/c");
        f.log(NOW.minusSeconds(5), "2001:db8::7", "requestId", "r4", "sessionId", null, "path", "/d");
        f.detection(NOW.minusSeconds(300), "rate.ip", "ip", "203.0.113.7", "d-ip", "r", null);
        f.detection(NOW.minusSeconds(200), "rate.net", "cidr", "203.0.113.0/24", "d-net", "r", null);
        f.detection(NOW.minusSeconds(150), "rate.wide", "cidr", "203.0.112.0/23", "d-wide", "r", null);
        f.detection(NOW.minusSeconds(100), "rate.other", "cidr", "203.0.114.0/24", "d-other", "r", null);
        f.detection(NOW.minusSeconds(90), "session.rule", "session", "s1", "d-s1", "r", null);
        f.detection(NOW.minusSeconds(80), "v6.rule", "cidr", "2001:db8::/48", "d-v6", "r", null);
        f.challenge(NOW.minusSeconds(25), "issued", "pow", null, null, "s1", "203.0.113.7");
        f.challenge(NOW.minusSeconds(15), "failed", "pow", "wrong_answer", null, null, "203.0.113.7");
        f.challenge(NOW.minusSeconds(12), "passed", "pow", null, 800L, "s1", "198.51.100.1");
        f.flush();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void an_address_shows_its_requests_of_the_hour_its_networks_detections_and_its_challenges() {
        Explanation e = f.figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS, " 203.0.113.7 "));

        assertThat(e.requests()).extracting(SeenRequest::requestId).containsExactly("r2", "r1");
        SeenRequest r2 = e.requests().get(0);
        assertThat(r2.action()).isEqualTo("challenge");
        assertThat(r2.reason()).isEqualTo("automation user agent");
        assertThat(r2.decisionId()).isEqualTo("dec-9");
        assertThat(r2.time()).isEqualTo(NOW.minusSeconds(20));
        assertThat(r2.path()).isEqualTo("/b");
        assertThat(e.detections()).extracting(DetectionRow::decisionId).containsExactly("d-wide", "d-net", "d-ip");
        assertThat(e.challenges()).extracting(ChallengeEvent::event).containsExactly("failed", "issued");
    }

    @Test
    void an_address_is_read_in_its_canonical_form() {
        Explanation e = f.figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS, "2001:DB8:0::7"));

        assertThat(e.requests()).extracting(SeenRequest::requestId).containsExactly("r4");
        assertThat(e.detections()).extracting(DetectionRow::decisionId).containsExactly("d-v6");
    }

    @Test
    void a_session_shows_its_requests_from_every_address_its_detections_and_challenges() {
        Explanation e = f.figures.explain(new ExplainKey(ExplainKey.Kind.SESSION, "s1"));

        assertThat(e.requests()).extracting(SeenRequest::requestId).containsExactly("r3", "r1");
        assertThat(e.detections()).extracting(DetectionRow::decisionId).containsExactly("d-s1");
        assertThat(e.challenges()).extracting(ChallengeEvent::event).containsExactly("passed", "issued");
        assertThat(e.challenges().get(0).solveMillis()).isEqualTo(800L);
    }

    @Test
    void a_request_shows_itself_and_what_concerns_its_session() {
        Explanation e = f.figures.explain(new ExplainKey(ExplainKey.Kind.REQUEST, "r3"));

        assertThat(e.requests()).extracting(SeenRequest::clientIp).containsExactly("198.51.100.1");
        assertThat(e.detections()).extracting(DetectionRow::decisionId).containsExactly("d-s1");
        assertThat(e.challenges()).extracting(ChallengeEvent::event).containsExactly("passed", "issued");
    }

    @Test
    void a_request_without_a_session_shows_what_concerns_its_address() {
        Explanation e = f.figures.explain(new ExplainKey(ExplainKey.Kind.REQUEST, "r4"));

        assertThat(e.requests()).extracting(SeenRequest::requestId).containsExactly("r4");
        assertThat(e.detections()).extracting(DetectionRow::decisionId).containsExactly("d-v6");
    }

    @Test
    void an_unknown_or_expired_request_explains_nothing() {
        assertThat(f.figures.explain(new ExplainKey(ExplainKey.Kind.REQUEST, "nope")))
                .isEqualTo(new Explanation(new ExplainKey(ExplainKey.Kind.REQUEST, "nope"),
                        java.util.List.of(), java.util.List.of(), java.util.List.of()));
        assertThat(f.figures.explain(new ExplainKey(ExplainKey.Kind.REQUEST, "old")).requests()).isEmpty();
    }
}
