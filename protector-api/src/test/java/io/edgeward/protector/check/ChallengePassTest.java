package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A solved challenge is evidence, not immunity: one test per rule, the clock moved by hand. */
class ChallengePassTest extends CheckFixture {

    private Visitor passedAt(Instant pass) {
        return Visitor.fresh("198.51.100.20", now(), 5).passedAt(pass);
    }

    @Test
    void a_pass_spares_a_challenge_decision_created_before_it() {
        Decision d = detection(Scope.IP, "198.51.100.20", Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(20));
        CheckResult r = check(passedAt(now()));
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.reason()).isEqualTo("challenge passed; was: because");
        assertThat(r.decisionId()).isEqualTo(d.id());
    }

    @Test
    void a_challenge_decision_created_after_the_pass_applies() {
        Instant pass = now();
        clock.advance(Duration.ofMinutes(1));
        detection(Scope.IP, "198.51.100.20", Action.CHALLENGE);
        assertThat(check(passedAt(pass)).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_pass_spares_nothing_once_its_window_has_passed() {
        detection(Scope.IP, "198.51.100.20", Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(10));
        Instant pass = now();
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(check(passedAt(pass)).action()).isEqualTo(Action.ALLOW);
        clock.advance(Duration.ofSeconds(1));
        assertThat(check(passedAt(pass)).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_block_is_never_spared_by_a_pass() {
        detection(Scope.IP, "198.51.100.20", Action.BLOCK);
        clock.advance(Duration.ofSeconds(30));
        assertThat(check(passedAt(now())).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void a_request_rule_challenge_is_spared_only_within_the_window() {
        Visitor noLanguage = passedAt(now()).header("accept-language", null);
        CheckResult spared = check(noLanguage);
        assertThat(spared.action()).isEqualTo(Action.ALLOW);
        assertThat(spared.reason()).isEqualTo("challenge passed; was: browser navigation without accept-language");
        clock.advance(Duration.ofMinutes(30));
        assertThat(check(noLanguage).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void an_allow_for_a_pass_is_never_reused_past_the_window() {
        Visitor noLanguage = passedAt(now()).header("accept-language", null);
        clock.advance(Duration.ofMinutes(29).plusSeconds(40));
        assertThat(check(noLanguage).ttl()).isEqualTo(20);
    }

    @Test
    void a_pass_from_an_old_edge_without_its_time_spares_rule_challenges_but_no_stored_decision() {
        Visitor legacy = Visitor.cookieless("198.51.100.21").legacyPassed().header("accept-language", null);
        assertThat(check(legacy).action()).isEqualTo(Action.ALLOW);
        detection(Scope.IP, "198.51.100.21", Action.CHALLENGE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(legacy).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_bot_that_solves_once_cannot_shrug_off_the_next_decision_on_its_session() {
        // The attacker's move: solve one challenge (a farm, a solver), then keep scraping on that pass.
        Visitor bot = Visitor.fresh("198.51.100.22", now(), 60);
        detection(Scope.SESSION, bot.sessionId, Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(30));
        bot.passedAt(now());
        assertThat(check(bot).action()).as("the solved challenge").isEqualTo(Action.ALLOW);
        clock.advance(Duration.ofMinutes(2));
        detection(Scope.SESSION, bot.sessionId, Action.CHALLENGE);
        assertThat(check(bot).action()).as("detection decides again after the pass").isEqualTo(Action.CHALLENGE);
    }
}
