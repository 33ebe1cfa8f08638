package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.testing.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A proof of work proves work, not a person: a browser that declares automation on the page does not pass. */
class DeclaredAutomationTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:00:00Z"));
    private final ChallengeService service = new ChallengeService(
            ChallengeSettings.pow(ChallengeServiceTest.KEY, 8), clock, null);

    @Test
    void a_solved_proof_of_work_from_a_browser_that_declares_webdriver_does_not_pass() {
        ChallengeOffer offer = service.issue("sess-1", ChallengeServiceTest.UA, "203.0.113.7", "/", "");
        VerifyRequest solved = ChallengeServiceTest.answer(offer, "sess-1", ChallengeServiceTest.UA, "203.0.113.7");

        VerifyOutcome outcome = service.verify(declaring(solved, "webdriver"));

        assertThat(outcome).isInstanceOf(VerifyOutcome.Failed.class);
        assertThat(((VerifyOutcome.Failed) outcome).reason()).isEqualTo("automation");
    }

    @Test
    void the_refusal_leaves_the_challenge_open_for_a_browser_that_declares_nothing() {
        ChallengeOffer offer = service.issue("sess-1", ChallengeServiceTest.UA, "203.0.113.7", "/", "");
        VerifyRequest solved = ChallengeServiceTest.answer(offer, "sess-1", ChallengeServiceTest.UA, "203.0.113.7");
        service.verify(declaring(solved, "headless-ua,webdriver"));

        VerifyOutcome outcome = service.verify(declaring(solved, ""));

        assertThat(outcome).isInstanceOf(VerifyOutcome.Passed.class);
    }

    private static VerifyRequest declaring(VerifyRequest r, String automation) {
        return new VerifyRequest(r.token(), r.answer(), r.clientIp(), r.userAgent(), r.sessionId(), r.challengePasses(),
                r.challengePassedAt(), automation);
    }
}
