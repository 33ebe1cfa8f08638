package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scopes} (contracts C1, C9), block answers (C2) and the always-served paths. */
class ScopedCheckTest extends CheckFixture {

    @Test
    void a_scoped_check_consults_only_the_named_scopes() {
        detection(Scope.IP, "198.51.100.80", Action.BLOCK);
        Visitor v = Visitor.cookieless("198.51.100.80").scopes("ja4", "ja3", "country", "asn");
        assertThat(check(v).action()).as("ip is not asked for").isEqualTo(Action.ALLOW);
        detection(Scope.JA4, v.ja4, Action.CHALLENGE);
        assertThat(check(v).action()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_scoped_check_runs_no_request_rule_and_no_good_bot_check() {
        Visitor curl = Visitor.cookieless("198.51.100.81").userAgent("curl/8.5.0").scopes("ja4");
        assertThat(check(curl).action()).isEqualTo(Action.ALLOW);
        Visitor fakeBot = Visitor.cookieless("198.51.100.81").userAgent(CheckServiceTest.GOOGLEBOT).scopes("ja4");
        assertThat(check(fakeBot).action()).isEqualTo(Action.ALLOW);
        assertThat(dns.reverseLookups).hasValue(0);
    }

    @Test
    void a_scoped_check_still_honours_the_allowlist_of_those_scopes() {
        detection(Scope.COUNTRY, "DE", Action.BLOCK);
        decideAllow(Scope.JA4, "t13d1516h2_8daaf6152771_02713d6af862");
        assertThat(check(Visitor.cookieless("198.51.100.82").scopes("ja4", "country")).action()).isEqualTo(Action.ALLOW);
        assertThat(check(Visitor.cookieless("198.51.100.82").scopes("country")).action()).isEqualTo(Action.BLOCK);
    }

    private void decideAllow(Scope scope, String value) {
        store.put(new Decision("allow-1", io.edgeward.protector.decision.ListKind.ALLOWLIST, scope, value, Action.ALLOW,
                "office", "admin", now(), null));
    }

    @Test
    void a_wider_block_is_not_hidden_behind_a_narrower_challenge() {
        detection(Scope.IP, "198.51.100.90", Action.CHALLENGE);
        detection(Scope.CIDR, "198.51.100.0/24", Action.BLOCK);
        CheckResult r = check(Visitor.cookieless("198.51.100.90"));
        assertThat(r.action()).isEqualTo(Action.BLOCK);
        assertThat(r.blockScope()).isEqualTo("cidr");
    }

    @Test
    void a_block_answer_carries_the_decision_scope_and_expiry() {
        detection(Scope.CIDR, "198.51.100.0/24", Action.BLOCK);
        CheckResult r = check(Visitor.cookieless("198.51.100.83"));
        assertThat(r.blockScope()).isEqualTo("cidr");
        assertThat(r.blockUntil()).isEqualTo(now().plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void a_block_without_expiry_carries_no_block_until() {
        store.put(new Decision("forever", io.edgeward.protector.decision.ListKind.DECISION, Scope.IP, "198.51.100.84",
                Action.BLOCK, "abuse", "admin", now(), null));
        CheckResult r = check(Visitor.cookieless("198.51.100.84"));
        assertThat(r.blockScope()).isEqualTo("ip");
        assertThat(r.blockUntil()).isNull();
    }

    @Test
    void robots_txt_and_well_known_paths_are_never_challenged_by_request_rules() {
        assertThat(check(Visitor.cookieless("198.51.100.85").userAgent("curl/8.5.0").path("/robots.txt")).action())
                .isEqualTo(Action.ALLOW);
        assertThat(check(Visitor.cookieless("198.51.100.85").userAgent("python-requests/2.32").path("/.well-known/security.txt")).action())
                .isEqualTo(Action.ALLOW);
        assertThat(check(Visitor.cookieless("198.51.100.85").userAgent("curl/8.5.0").path("/robots.txt.bak")).action())
                .isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_dressed_up_well_known_path_gets_no_favour() {
        Visitor v = Visitor.cookieless("198.51.100.86").userAgent("curl/8.5.0").path("/admin").rawPath("/.well-known/..;/admin");
        assertThat(check(v).action()).isEqualTo(Action.CHALLENGE);
        Visitor old = Visitor.cookieless("198.51.100.86").userAgent("curl/8.5.0").path("/.well-known/%2e%2e/admin");
        assertThat(check(old).action()).as("an edge that sends the raw path alone").isEqualTo(Action.CHALLENGE);
    }

    @Test
    void a_stored_decision_still_applies_to_robots_txt() {
        detection(Scope.IP, "198.51.100.87", Action.BLOCK);
        assertThat(check(Visitor.cookieless("198.51.100.87").path("/robots.txt")).action()).isEqualTo(Action.BLOCK);
    }
}
