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
                .hasMessage("challenge.difficulty must be 1..32, was 40");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_TTL", "PT0S")))
                .hasMessage("challenge.ttl must be > 0, was PT0S");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_PROVIDER", "hcaptcha")))
                .hasMessage("challenge.siteKey is required for provider hcaptcha");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_KEY", "c2hvcnQ")))
                .hasMessage("challenge.key must be at least 32 bytes, was 5 bytes");
        assertThatThrownBy(() -> ChallengeSettings.fromEnvironment(Map.of("EDGEWARD_CHALLENGE_PROVIDER", "captchaX")))
                .hasMessageContaining("was captchax");
    }
}
