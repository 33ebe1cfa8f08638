package io.edgeward.protector.challenge;

import static io.edgeward.protector.challenge.ChallengeServiceTest.KEY;
import static io.edgeward.protector.challenge.ChallengeServiceTest.UA;
import static io.edgeward.protector.challenge.ChallengeServiceTest.answer;
import static io.edgeward.protector.challenge.ChallengeServiceTest.assertFailed;
import static io.edgeward.protector.challenge.ChallengeServiceTest.firstWrongNonce;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.nonces.NoncePublisher;
import io.edgeward.protector.nonces.SpentNonces;
import io.edgeward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a bot would get around verification, and how verification could be turned against real visitors: blocks,
 * budgets, single use and the difficulty ramp, with a real decision store and a clock moved by hand.
 */
class ChallengeDefencesTest {

    static final String BOT_IP = "198.51.100.23";
    static final String HUMAN_IP = "203.0.113.7";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:00:00Z"));
    private final DecisionStore store = new DecisionStore(clock);
    private final List<String> published = new ArrayList<>();
    private final ChallengeService service = service(ChallengeSettings.pow(KEY, 8));

    private ChallengeService service(ChallengeSettings settings) {
        NoncePublisher publisher = (nonce, expiresAt) -> published.add(nonce);
        return new ChallengeService(settings, clock, null, store, new SpentNonces(1000, clock), publisher);
    }

    @Test
    void a_block_on_the_address_refuses_even_a_right_answer_and_offers_no_fresh_challenge() {
        ChallengeOffer offer = service.issue("bot-1", UA, BOT_IP, "/", "");
        VerifyRequest solved = answer(offer, "bot-1", UA, BOT_IP);
        store.put(decision(Scope.IP, BOT_IP, Action.BLOCK));

        VerifyOutcome outcome = service.verify(solved);
        VerifyOutcome garbage = service.verify(new VerifyRequest("garbage", "x", BOT_IP, UA, "bot-1"));

        assertThat(outcome).isInstanceOf(VerifyOutcome.Blocked.class);
        assertThat(((VerifyOutcome.Blocked) outcome).scope()).isEqualTo("ip");
        assertThat(garbage).isInstanceOf(VerifyOutcome.Blocked.class);
        assertThat(published).isEmpty();
    }

    @Test
    void a_block_on_a_wider_scope_holds_even_when_a_narrower_decision_only_challenges() {
        store.put(decision(Scope.IP, BOT_IP, Action.CHALLENGE));
        store.put(decision(Scope.CIDR, "198.51.100.0/24", Action.BLOCK));
        store.put(decision(Scope.SESSION, "bot-2", Action.CHALLENGE));
        store.put(decision(Scope.USER_AGENT, "evil-bot/1.0", Action.BLOCK));
        ChallengeOffer offer = service.issue("bot-1", UA, BOT_IP, "/", "");
        ChallengeOffer uaOffer = service.issue("bot-2", "evil-bot/1.0", "192.0.2.1", "/", "");

        VerifyOutcome network = service.verify(answer(offer, "bot-1", UA, BOT_IP));
        VerifyOutcome userAgent = service.verify(answer(uaOffer, "bot-2", "evil-bot/1.0", "192.0.2.1"));

        assertThat(network).isInstanceOf(VerifyOutcome.Blocked.class);
        assertThat(((VerifyOutcome.Blocked) network).scope()).isEqualTo("cidr");
        assertThat(userAgent).isInstanceOf(VerifyOutcome.Blocked.class);
        assertThat(((VerifyOutcome.Blocked) userAgent).scope()).isEqualTo("user_agent");
    }

    @Test
    void a_challenge_decision_does_not_stop_a_right_answer_and_an_allowlisted_client_is_never_refused() {
        store.put(decision(Scope.IP, HUMAN_IP, Action.CHALLENGE));
        store.put(decision(Scope.COUNTRY, "DE", Action.BLOCK));
        store.put(new Decision("allow-1", ListKind.ALLOWLIST, Scope.SESSION, "office-1", Action.ALLOW, "office",
                "admin", clock.instant(), null));
        ChallengeOffer offer = service.issue("sess-1", UA, HUMAN_IP, "/", "");
        ChallengeOffer office = service.issue("office-1", UA, HUMAN_IP, "/", "");

        assertThat(service.verify(answer(offer, "sess-1", UA, HUMAN_IP))).isInstanceOf(VerifyOutcome.Passed.class);
        assertThat(service.verify(answer(office, "office-1", UA, HUMAN_IP))).isInstanceOf(VerifyOutcome.Passed.class);
    }

    @Test
    void an_expired_block_no_longer_holds() {
        store.put(new Decision("d-ip", ListKind.DECISION, Scope.IP, BOT_IP, Action.BLOCK, "test", "admin",
                clock.instant(), clock.instant().plus(Duration.ofMinutes(1))));
        clock.advance(Duration.ofMinutes(1));
        ChallengeOffer offer = service.issue("bot-1", UA, BOT_IP, "/", "");

        assertThat(service.verify(answer(offer, "bot-1", UA, BOT_IP))).isInstanceOf(VerifyOutcome.Passed.class);
    }

    @Test
    void a_session_that_keeps_failing_runs_out_of_budget_and_gets_no_more_fresh_challenges() {
        ChallengeOffer offer = service.issue("bot-1", UA, BOT_IP, "/p", "");
        String wrong = Long.toString(firstWrongNonce(offer.token()));
        int budget = VerifyBudget.DEFAULT.sessionAttempts();
        for (int i = 0; i < budget; i++) {
            assertFailed(service.verify(new VerifyRequest(offer.token(), wrong, BOT_IP, UA, "bot-1")), "wrong_answer");
        }

        VerifyOutcome limited = service.verify(new VerifyRequest(offer.token(), wrong, BOT_IP, UA, "bot-1"));

        assertThat(limited).isInstanceOf(VerifyOutcome.Limited.class);
        assertThat(((VerifyOutcome.Limited) limited).budget()).isEqualTo("session");
        assertThat(((VerifyOutcome.Limited) limited).retryAfter()).isEqualTo(6); // 10 a minute: one every 6 s
        clock.advance(Duration.ofSeconds(6));
        assertFailed(service.verify(new VerifyRequest(offer.token(), wrong, BOT_IP, UA, "bot-1")), "wrong_answer");
    }

    @Test
    void a_right_answer_passes_even_after_its_own_session_and_address_spent_their_budget() {
        ChallengeOffer offer = service.issue("sess-1", UA, HUMAN_IP, "/", "");
        String wrong = Long.toString(firstWrongNonce(offer.token()));
        for (int i = 0; i < 20; i++) {
            service.verify(new VerifyRequest(offer.token(), wrong, HUMAN_IP, UA, "sess-1"));
        }

        assertThat(service.verify(answer(offer, "sess-1", UA, HUMAN_IP))).isInstanceOf(VerifyOutcome.Passed.class);
    }

    @Test
    void sessions_rotated_by_one_address_are_stopped_by_the_address_budget() {
        int limitedAt = -1;
        for (int i = 0; i < 100 && limitedAt < 0; i++) {
            VerifyOutcome outcome = service.verify(new VerifyRequest("garbage", "1", BOT_IP, UA, "rotating-" + i));
            if (outcome instanceof VerifyOutcome.Limited limited) {
                assertThat(limited.budget()).isEqualTo("address");
                limitedAt = i;
            }
        }

        assertThat(limitedAt).isEqualTo(VerifyBudget.DEFAULT.addressAttempts());
        ChallengeOffer other = service.issue("sess-9", UA, HUMAN_IP, "/", "");
        assertFailed(service.verify(new VerifyRequest(other.token(), "x", HUMAN_IP, UA, "sess-9")), "wrong_answer");
    }

    @Test
    void ipv6_addresses_rotated_inside_one_64_share_one_budget() {
        int limitedAt = -1;
        for (int i = 0; i < 100 && limitedAt < 0; i++) {
            String address = "2001:db8:7:1::" + Integer.toHexString(i + 1);
            if (service.verify(new VerifyRequest("garbage", "1", address, UA, "s-" + i)) instanceof VerifyOutcome.Limited) {
                limitedAt = i;
            }
        }

        assertThat(limitedAt).isEqualTo(VerifyBudget.DEFAULT.addressAttempts());
        assertFailed(service.verify(new VerifyRequest("garbage", "1", "2001:db8:7:2::1", UA, "other")), "malformed");
    }

    @Test
    void a_replayed_right_answer_costs_budget_like_any_failure() {
        ChallengeOffer offer = service.issue("bot-1", UA, BOT_IP, "/", "");
        VerifyRequest solved = answer(offer, "bot-1", UA, BOT_IP);
        service.verify(solved);

        List<VerifyOutcome> replays = new ArrayList<>();
        for (int i = 0; i <= VerifyBudget.DEFAULT.sessionAttempts(); i++) {
            replays.add(service.verify(solved));
        }

        assertFailed(replays.get(0), "replayed");
        assertThat(replays.get(replays.size() - 1)).isInstanceOf(VerifyOutcome.Limited.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void a_session_that_passed_before_is_offered_a_harder_proof_of_work_each_time() {
        ChallengeService ramped = service(ChallengeSettings.pow(KEY, 8).withRamp(new PowRamp(2, 12)));

        assertThat(ramped.issue("s", UA, HUMAN_IP, "/", "", 0).difficulty()).isEqualTo(8);
        assertThat(ramped.issue("s", UA, HUMAN_IP, "/", "", 1).difficulty()).isEqualTo(10);
        assertThat(ramped.issue("s", UA, HUMAN_IP, "/", "", 2).difficulty()).isEqualTo(12);
        assertThat(ramped.issue("s", UA, HUMAN_IP, "/", "", 9).difficulty()).isEqualTo(12);
        assertThat(ramped.issue("s", UA, HUMAN_IP, "/", "", -4).difficulty()).isEqualTo(8);
    }

    @Test
    void the_fresh_challenge_after_a_failure_is_as_hard_as_the_session_has_earned_and_the_token_holds_it() {
        ChallengeService ramped = service(ChallengeSettings.pow(KEY, 8).withRamp(new PowRamp(2, 12)));
        ChallengeOffer offer = ramped.issue("bot-1", UA, BOT_IP, "/", "", 1);

        VerifyOutcome.Failed failed = (VerifyOutcome.Failed) ramped.verify(
                new VerifyRequest(offer.token(), "x", BOT_IP, UA, "bot-1", 2, 1_700_000_000L));
        String easy = Long.toString(baseButNotRaised(failed.fresh().token()));

        assertThat(offer.difficulty()).isEqualTo(10);
        assertThat(failed.fresh().difficulty()).isEqualTo(12);
        assertFailed(ramped.verify(new VerifyRequest(failed.fresh().token(), easy, BOT_IP, UA, "bot-1")),
                "wrong_answer");
        assertThat(ramped.verify(answer(failed.fresh(), "bot-1", UA, BOT_IP))).isInstanceOf(VerifyOutcome.Passed.class);
    }

    /** An answer that would do at the base difficulty (8 bits) but not at the raised one (12 bits). */
    private static long baseButNotRaised(String token) {
        for (long n = 0; ; n++) {
            if (ProofOfWork.solves(token, Long.toString(n), 8) && !ProofOfWork.solves(token, Long.toString(n), 12)) {
                return n;
            }
        }
    }

    private Decision decision(Scope scope, String value, Action action) {
        return new Decision("d-" + scope.wireName() + "-" + value, ListKind.DECISION, scope, value, action, "test",
                "admin", clock.instant(), null);
    }
}
