package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Issue and verify with a clock moved by hand; the answers are real proofs of work, found the way a browser does. */
class ChallengeServiceTest {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140";
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:00:00Z"));
    private final ChallengeService service = new ChallengeService(ChallengeSettings.pow(KEY, 8), clock, null);

    @Test
    void a_solved_proof_of_work_passes_and_returns_to_the_challenged_url() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/products/7", "q=shoes");

        VerifyOutcome outcome = service.verify(answer(offer, "sess-1", UA, "203.0.113.7"));

        assertThat(offer.provider()).isEqualTo("pow");
        assertThat(offer.difficulty()).isEqualTo(8);
        assertThat(offer.siteKey()).isNull();
        assertThat(outcome).isEqualTo(new VerifyOutcome.Passed("sess-1", "/products/7?q=shoes", "pow"));
    }

    @Test
    void a_replayed_answer_is_rejected() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        VerifyRequest answer = answer(offer, "sess-1", UA, "203.0.113.7");

        service.verify(answer);

        assertFailed(service.verify(answer), "replayed");
    }

    @Test
    void an_expired_challenge_is_rejected() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        VerifyRequest answer = answer(offer, "sess-1", UA, "203.0.113.7");

        clock.advance(Duration.ofMinutes(5));

        assertFailed(service.verify(answer), "expired");
    }

    @Test
    void a_tampered_or_foreign_token_is_rejected() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        String[] parts = offer.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"dif\":8", "\"dif\":1");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        ChallengeService foreign = new ChallengeService(
                ChallengeSettings.pow("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8), 8), clock,
                null);
        ChallengeOffer foreignOffer = foreign.issue("sess-1", UA, "203.0.113.7", "/", "");

        assertFailed(service.verify(new VerifyRequest(tampered, "0", "203.0.113.7", UA, "sess-1")), "tampered");
        assertFailed(service.verify(answer(foreignOffer, "sess-1", UA, "203.0.113.7")), "tampered");
        assertFailed(service.verify(new VerifyRequest("not-a-token", "0", "203.0.113.7", UA, "sess-1")), "malformed");
    }

    @Test
    void an_answer_from_another_session_or_browser_is_rejected() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");

        assertFailed(service.verify(answer(offer, "sess-2", UA, "203.0.113.7")), "session_mismatch");
        assertFailed(service.verify(answer(offer, "sess-1", "curl/8.5.0", "203.0.113.7")), "user_agent_mismatch");
    }

    @Test
    void the_client_ip_is_bound_only_when_configured() {
        ChallengeService bound = new ChallengeService(ChallengeSettings.pow(KEY, 8).withBindIp(true), clock, null);
        ChallengeOffer unboundOffer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        ChallengeOffer boundOffer = bound.issue("sess-1", UA, "203.0.113.7", "/", "");

        assertThat(service.verify(answer(unboundOffer, "sess-1", UA, "198.51.100.1")))
                .isInstanceOf(VerifyOutcome.Passed.class);
        assertFailed(bound.verify(answer(boundOffer, "sess-1", UA, "198.51.100.1")), "ip_mismatch");
    }

    @Test
    void wrong_answers_never_spend_a_nonce() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        long right = ProofOfWork.solve(offer.token(), 8);
        String wrong = Long.toString(firstWrongNonce(offer.token()));

        assertFailed(service.verify(new VerifyRequest(offer.token(), wrong, "203.0.113.7", UA, "sess-1")),
                "wrong_answer");
        assertFailed(service.verify(new VerifyRequest(offer.token(), "12a", "203.0.113.7", UA, "sess-1")),
                "wrong_answer");

        assertThat(service.spentNonces().size()).isZero();
        assertThat(service.verify(new VerifyRequest(offer.token(), Long.toString(right), "203.0.113.7", UA, "sess-1")))
                .isInstanceOf(VerifyOutcome.Passed.class);
        assertThat(service.spentNonces().size()).isEqualTo(1);
    }

    @Test
    void every_failure_comes_with_a_fresh_challenge_for_whoever_answered() {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/cart", "");

        VerifyOutcome.Failed failed = (VerifyOutcome.Failed) service.verify(
                new VerifyRequest(offer.token(), "x", "203.0.113.7", UA, "sess-1"));

        assertThat(failed.returnTo()).isEqualTo("/cart");
        assertThat(failed.fresh().token()).isNotEqualTo(offer.token());
        assertThat(service.verify(answer(failed.fresh(), "sess-1", UA, "203.0.113.7")))
                .isEqualTo(new VerifyOutcome.Passed("sess-1", "/cart", "pow"));
    }

    @Test
    void the_return_path_never_leaves_the_site() {
        assertThat(ChallengeService.returnTo("//evil.example/x", "")).isEqualTo("/");
        assertThat(ChallengeService.returnTo("/a", "b=" + "c".repeat(3000))).isEqualTo("/a");
        assertThat(ChallengeService.returnTo("/a\r\nLocation: x", "")).isEqualTo("/");
    }

    @Test
    void protector_applies_the_edge_guard_so_an_encoded_double_slash_never_becomes_a_return_path() {
        assertThat(ChallengeService.returnTo("/%2F%2Fevil.com", "")).isEqualTo("/");
        assertThat(ChallengeService.returnTo("/%5Cevil.com", "")).isEqualTo("/");
        assertThat(ChallengeService.returnTo("/\\evil.com", "")).isEqualTo("/");
        // Another origin in the query is only text on this site's page: kept, so the visitor lands where it was.
        assertThat(ChallengeService.returnTo("/login", "next=//evil.com")).isEqualTo("/login?next=//evil.com");
    }

    @Test
    void the_user_agent_binding_matches_the_edge_cookie() {
        // Same construction as edge-core's SessionCookieCodec.userAgentBinding (docs/contracts.md "uah").
        assertThat(ChallengeService.userAgentHash("")).isEqualTo("47DEQpj8HBSa-_TImW-5JA");
    }

    static VerifyRequest answer(ChallengeOffer offer, String sessionId, String userAgent, String ip) {
        long nonce = ProofOfWork.solve(offer.token(), offer.difficulty());
        return new VerifyRequest(offer.token(), Long.toString(nonce), ip, userAgent, sessionId);
    }

    static long firstWrongNonce(String token) {
        for (long n = 0; ; n++) {
            if (!ProofOfWork.solves(token, Long.toString(n), 8)) {
                return n;
            }
        }
    }

    static void assertFailed(VerifyOutcome outcome, String reason) {
        assertThat(outcome).isInstanceOf(VerifyOutcome.Failed.class);
        assertThat(((VerifyOutcome.Failed) outcome).reason()).isEqualTo(reason);
        assertThat(((VerifyOutcome.Failed) outcome).fresh()).isNotNull();
    }
}
