package io.edgeward.protector.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeSettingsTest {

    @Test
    void defaults_are_proof_of_work_at_18_bits_for_five_minutes() {
        ChallengeSettings settings = ChallengeSettings.fromEnvironment(Map.of());

        assertThat(settings.provider()).isEqualTo("pow");
        assertThat(settings.difficulty()).isEqualTo(18);
        assertThat(settings.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.bindIp()).isFalse();
        assertThat(settings.key()).hasSize(32);
    }

    @Test
    void a_third_party_provider_takes_its_documented_endpoint_unless_configured() {
        ChallengeSettings settings = ChallengeSettings.fromEnvironment(Map.of(
                "EDGEWARD_CHALLENGE_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                "EDGEWARD_CHALLENGE_PROVIDER", "turnstile", "EDGEWARD_CHALLENGE_SITE_KEY", "0x4AAA",
                "EDGEWARD_CHALLENGE_SECRET", "0x4AAA-secret"));

        assertThat(settings.verifyUrl())
                .isEqualTo(URI.create("https://challenges.cloudflare.com/turnstile/v0/siteverify"));
        assertThat(settings.toString()).doesNotContain("0x4AAA-secret").doesNotContain("AAECAwQF");
    }

    @Test
    void bad_values_fail_with_the_value_in_the_message_but_never_a_secret() {
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_DIFFICULTY", "40")))
                .hasMessage("EDGEWARD_CHALLENGE_DIFFICULTY must be between 1 and 32, was 40");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_TTL", "PT0S")))
                .hasMessage("EDGEWARD_CHALLENGE_TTL must be > 0, was PT0S");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_PROVIDER", "hcaptcha")))
                .hasMessage("challenge.siteKey is required for provider hcaptcha");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_KEY", "c2hvcnQ")))
                .hasMessage("challenge.key must be at least 32 bytes, was 5 bytes");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_PROVIDER", "captchaX")))
                .hasMessageContaining("was captchax");
    }

    @Test
    void the_ramp_the_verify_budgets_and_the_nonce_topic_have_defaults_and_read_their_variables() {
        ChallengeSettings defaults = ChallengeSettings.fromEnvironment(Map.of());
        ChallengeSettings set = ChallengeSettings.fromEnvironment(Map.of(
                "EDGEWARD_CHALLENGE_DIFFICULTY_STEP", "3", "EDGEWARD_CHALLENGE_MAX_DIFFICULTY", "26",
                "EDGEWARD_CHALLENGE_VERIFY_SESSION_ATTEMPTS", "5", "EDGEWARD_CHALLENGE_VERIFY_ADDRESS_ATTEMPTS", "500",
                "EDGEWARD_CHALLENGE_VERIFY_WINDOW", "PT30S", "EDGEWARD_CHALLENGE_VERIFY_TRACKED", "1000",
                "EDGEWARD_CHALLENGE_NONCES_TOPIC", "acme.nonces", "EDGEWARD_CHALLENGE_NONCE_RETENTION_MARGIN", "PT1M",
                "EDGEWARD_CHALLENGE_NONCE_PUBLISH_TIMEOUT", "PT2S"));

        assertThat(defaults.ramp()).isEqualTo(new PowRamp(2, 24));
        assertThat(defaults.budget()).isEqualTo(new VerifyBudget(10, 60, Duration.ofMinutes(1), 100_000));
        assertThat(defaults.nonces()).isEqualTo(new NonceSharing("edgeward.challenge-nonces", Duration.ofMinutes(5),
                Duration.ofSeconds(1)));
        assertThat(set.ramp()).isEqualTo(new PowRamp(3, 26));
        assertThat(set.budget()).isEqualTo(new VerifyBudget(5, 500, Duration.ofSeconds(30), 1000));
        assertThat(set.nonces()).isEqualTo(new NonceSharing("acme.nonces", Duration.ofMinutes(1), Duration.ofSeconds(2)));
    }

    @Test
    void a_ramp_below_the_base_difficulty_or_an_empty_budget_is_refused_with_the_value() {
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_MAX_DIFFICULTY", "16")))
                .hasMessage("challenge.maxDifficulty must be >= challenge.difficulty (18), was 16");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_DIFFICULTY_STEP", "9")))
                .hasMessage("EDGEWARD_CHALLENGE_DIFFICULTY_STEP must be between 0 and 8, was 9");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(
                Map.of("EDGEWARD_CHALLENGE_VERIFY_SESSION_ATTEMPTS", "0")))
                .hasMessage("EDGEWARD_CHALLENGE_VERIFY_SESSION_ATTEMPTS must be >= 1, was 0");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_VERIFY_WINDOW", "PT0S")))
                .hasMessage("EDGEWARD_CHALLENGE_VERIFY_WINDOW must be > 0, was PT0S");
    }
}
