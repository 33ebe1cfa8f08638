package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qualifiers and good standing (contracts C4, C7; DESIGN "Decide narrowly"): for each, the bot it stops and the
 * human look-alike it must leave alone.
 */
class QualifiersTest extends CheckFixture {

    static final String SCRAPER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void a_sessionless_decision_challenges_a_cookieless_bot_but_not_an_established_session_on_the_same_address() {
        decide(Scope.IP, "198.51.100.30", Action.CHALLENGE, "detection:test", true, null);
        assertThat(check(Visitor.cookieless("198.51.100.30")).action()).isEqualTo(Action.CHALLENGE);
        assertThat(check(Visitor.established("198.51.100.30", now())).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_session_is_established_only_from_the_minimum_age() {
        decide(Scope.IP, "198.51.100.31", Action.CHALLENGE, "detection:test", true, null);
        Visitor v = Visitor.fresh("198.51.100.31", now(), 14).generation(2);
        assertThat(check(v).action()).isEqualTo(Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(check(v).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_session_is_established_only_after_enough_reissues_or_a_solved_challenge() {
        decide(Scope.IP, "198.51.100.32", Action.CHALLENGE, "detection:test", true, null);
        Visitor v = Visitor.fresh("198.51.100.32", now(), 600).generation(1);
        assertThat(check(v).action()).as("a bot that merely keeps a cookie").isEqualTo(Action.CHALLENGE);
        assertThat(check(v.generation(2)).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_session_with_a_decision_of_its_own_is_not_in_good_standing() {
        decide(Scope.IP, "198.51.100.33", Action.CHALLENGE, "detection:test", true, null);
        Visitor v = Visitor.established("198.51.100.33", now());
        assertThat(check(v).action()).isEqualTo(Action.ALLOW);
        detection(Scope.SESSION, v.sessionId, Action.MONITOR);
        assertThat(check(v).action()).as("no longer spared the sessionless decision").isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_user_agent_decision_from_detection_never_touches_a_session_in_good_standing() {
        // The attack: frame real visitors by scraping with their exact browser user agent until detection decides on it.
        detection(Scope.USER_AGENT, SCRAPER_UA, Action.BLOCK);
        assertThat(check(Visitor.cookieless("192.0.2.40").userAgent(SCRAPER_UA)).action()).isEqualTo(Action.BLOCK);
        assertThat(check(Visitor.established("192.0.2.41", now()).userAgent(SCRAPER_UA)).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void detection_decisions_on_every_shared_attribute_spare_sessions_in_good_standing() {
        detection(Scope.JA4, "t13d1516h2_8daaf6152771_02713d6af862", Action.CHALLENGE);
        detection(Scope.CIDR, "192.0.2.0/24", Action.CHALLENGE);
        detection(Scope.COUNTRY, "DE", Action.CHALLENGE);
        assertThat(check(Visitor.cookieless("192.0.2.50")).action()).isEqualTo(Action.CHALLENGE);
        assertThat(check(Visitor.established("192.0.2.50", now())).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void an_administrators_decision_on_a_shared_attribute_applies_site_wide() {
        admin(Scope.USER_AGENT, SCRAPER_UA, Action.CHALLENGE);
        assertThat(check(Visitor.established("192.0.2.42", now()).userAgent(SCRAPER_UA)).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void an_ip_decision_from_detection_applies_to_an_established_session_too() {
        detection(Scope.IP, "192.0.2.43", Action.BLOCK);
        assertThat(check(Visitor.established("192.0.2.43", now())).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void a_campaign_decision_follows_a_bot_across_addresses() {
        Visitor first = Visitor.cookieless("198.51.100.60");
        String campaign = CampaignKeys.of(first.request());
        detection(Scope.CAMPAIGN, campaign, Action.CHALLENGE);
        assertThat(check(Visitor.cookieless("203.0.113.61")).action()).isEqualTo(Action.CHALLENGE);
        assertThat(check(Visitor.cookieless("203.0.113.62").header("accept-language", "fr")).action())
                .as("another header set is another campaign").isEqualTo(Action.ALLOW);
    }

    @Test
    void a_campaign_sessionless_decision_does_not_touch_an_established_session_sharing_the_user_agent() {
        Visitor bot = Visitor.cookieless("198.51.100.63");
        decide(Scope.CAMPAIGN, CampaignKeys.of(bot.request()), Action.BLOCK, "admin", true, null);
        assertThat(check(bot).action()).isEqualTo(Action.BLOCK);
        assertThat(check(Visitor.established("198.51.100.64", now())).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void a_route_decision_challenges_a_sessionless_login_post_but_not_an_established_session() {
        admin(Scope.ROUTE, "POST /login", Action.CHALLENGE);
        assertThat(check(Visitor.cookieless("198.51.100.70").method("POST").path("/login")).action()).isEqualTo(Action.CHALLENGE);
        assertThat(check(Visitor.established("198.51.100.71", now()).method("POST").path("/login")).action()).isEqualTo(Action.ALLOW);
        assertThat(check(Visitor.cookieless("198.51.100.70").method("GET").path("/login")).action())
                .as("another method").isEqualTo(Action.ALLOW);
        assertThat(check(Visitor.cookieless("198.51.100.70").method("POST").path("/cart")).action())
                .as("another path").isEqualTo(Action.ALLOW);
    }

    @Test
    void a_new_visitor_who_solves_the_under_attack_challenge_goes_on() {
        admin(Scope.ROUTE, "* /", Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(5));
        Visitor v = Visitor.fresh("198.51.100.72", now(), 3);
        assertThat(check(v).action()).isEqualTo(Action.CHALLENGE);
        clock.advance(Duration.ofSeconds(4));
        assertThat(check(v.passedAt(now())).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void the_longest_matching_route_decides() {
        admin(Scope.ROUTE, "* /api/", Action.MONITOR);
        admin(Scope.ROUTE, "* /api/login", Action.BLOCK);
        assertThat(check(Visitor.cookieless("198.51.100.73").path("/api/login")).action()).isEqualTo(Action.BLOCK);
        assertThat(check(Visitor.cookieless("198.51.100.73").path("/api/cart")).action()).isEqualTo(Action.MONITOR);
    }

    @Test
    void a_route_qualifier_limits_a_decision_to_its_route() {
        decide(Scope.IP, "198.51.100.74", Action.BLOCK, "admin", false, "POST /login");
        assertThat(check(Visitor.established("198.51.100.74", now()).method("POST").path("/login/submit")).action())
                .isEqualTo(Action.BLOCK);
        assertThat(check(Visitor.established("198.51.100.74", now()).path("/products/1")).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void decisions_that_differ_only_by_qualifiers_each_apply_where_they_hold() {
        decide(Scope.IP, "198.51.100.75", Action.CHALLENGE, "detection:test", true, null);
        decide(Scope.IP, "198.51.100.75", Action.BLOCK, "admin", false, "POST /login");
        assertThat(check(Visitor.established("198.51.100.75", now()).method("POST").path("/login")).action()).isEqualTo(Action.BLOCK);
        assertThat(check(Visitor.cookieless("198.51.100.75")).action()).isEqualTo(Action.CHALLENGE);
        assertThat(check(Visitor.established("198.51.100.75", now())).action()).isEqualTo(Action.ALLOW);
    }
}
