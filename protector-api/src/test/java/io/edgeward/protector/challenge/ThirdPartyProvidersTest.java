package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.protector.http.Json;
import io.edgeward.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** hCaptcha, reCAPTCHA v2 and Turnstile against a local fake of their documented siteverify protocol. */
class ThirdPartyProvidersTest {

    static final String UA = ChallengeServiceTest.UA;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:00:00Z"));
    private final FakeSiteVerify provider = new FakeSiteVerify();

    @AfterEach
    void stop() {
        provider.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hcaptcha", "recaptcha", "turnstile"})
    void success_passes_and_the_provider_gets_secret_response_and_remote_ip(String name) {
        provider.answer(200, "{\"success\":true,\"challenge_ts\":\"2026-11-23T14:00:00Z\",\"hostname\":\"shop.example\"}");
        ChallengeService service = service(name);
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/p", "");

        VerifyOutcome outcome = service.verify(new VerifyRequest(offer.token(), "widget-token-1", "203.0.113.7", UA,
                "sess-1"));

        assertThat(offer.provider()).isEqualTo(name);
        assertThat(offer.siteKey()).isEqualTo("site-key-1");
        assertThat(outcome).isEqualTo(new VerifyOutcome.Passed("sess-1", "/p", name));
        assertThat(provider.posts()).singleElement().satisfies(post -> assertThat(post)
                .containsEntry(":method", "POST")
                .containsEntry(":content-type", "application/x-www-form-urlencoded")
                .containsEntry("secret", "provider-secret-1").containsEntry("response", "widget-token-1")
                .containsEntry("remoteip", "203.0.113.7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hcaptcha", "recaptcha", "turnstile"})
    void a_failed_verification_is_rejected(String name) {
        provider.answer(200, "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}");

        assertThat(verify(service(name))).isEqualTo("provider_rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hcaptcha", "recaptcha", "turnstile"})
    void a_provider_that_does_not_answer_in_time_is_unavailable(String name) {
        provider.hang();

        assertThat(verify(service(name))).isEqualTo("provider_unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"succes\":true}", "<html>busy</html>", "[true]", "{\"success\":\"true\"}"})
    void a_malformed_answer_never_passes(String body) {
        provider.answer(200, body);

        assertThat(verify(service("turnstile"))).isEqualTo("provider_unavailable");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 302, 404})
    void a_non_200_answer_never_passes(int status) {
        provider.answer(status, "{\"success\":true}");

        assertThat(verify(service("hcaptcha"))).isEqualTo("provider_unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hcaptcha", "recaptcha", "turnstile"})
    void a_proof_of_work_answer_cannot_stand_in_for_a_third_party_token(String name) {
        ChallengeService service = service(name);
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");

        VerifyOutcome outcome = service.verify(new VerifyRequest(offer.token(), "", "203.0.113.7", UA, "sess-1"));

        assertThat(((VerifyOutcome.Failed) outcome).reason()).isEqualTo("wrong_answer");
        assertThat(provider.posts()).isEmpty();
    }

    @Test
    void a_flood_of_provider_answers_stops_at_the_budget_before_it_reaches_the_provider() {
        provider.answer(200, "{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}");
        ChallengeService service = service("turnstile");
        ChallengeOffer offer = service.issue("bot-1", UA, "198.51.100.9", "/", "");

        int limited = 0;
        for (int i = 0; i < 30; i++) {
            VerifyOutcome outcome = service.verify(new VerifyRequest(offer.token(), "forged-" + i, "198.51.100.9", UA,
                    "bot-1"));
            limited += outcome instanceof VerifyOutcome.Limited ? 1 : 0;
        }

        assertThat(provider.posts()).hasSize(VerifyBudget.DEFAULT.sessionAttempts());
        assertThat(limited).isEqualTo(30 - VerifyBudget.DEFAULT.sessionAttempts());
    }

    private String verify(ChallengeService service) {
        ChallengeOffer offer = service.issue("sess-1", UA, "203.0.113.7", "/", "");
        VerifyOutcome outcome = service.verify(new VerifyRequest(offer.token(), "widget-token-1", "203.0.113.7", UA,
                "sess-1"));
        assertThat(outcome).isInstanceOf(VerifyOutcome.Failed.class);
        return ((VerifyOutcome.Failed) outcome).reason();
    }

    private ChallengeService service(String name) {
        Duration timeout = Duration.ofMillis(500);
        ChallengeSettings settings = ChallengeSettings.pow(ChallengeServiceTest.KEY, 8)
                .withProvider(name, "site-key-1", "provider-secret-1", provider.url(), timeout);
        return new ChallengeService(settings, clock,
                new SiteVerifier(settings.verifyUrl(), settings.secret(), timeout, Json.mapper()));
    }
}
