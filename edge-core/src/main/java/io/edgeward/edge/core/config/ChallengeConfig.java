package io.edgeward.edge.core.config;

import java.util.Set;

/**
 * The challenge a visitor gets when Protector says {@code challenge}. Defaults: provider {@code pow} (built-in
 * proof-of-work), difficulty 18 (leading zero bits), no site key. {@code hcaptcha}, {@code recaptcha} and
 * {@code turnstile} need {@code siteKey}. Held here for the challenge issue; the edge already renders the page.
 */
public record ChallengeConfig(String provider, int difficulty, String siteKey) {

    static final Set<String> KEYS = Set.of("provider", "difficulty", "siteKey");
    static final Set<String> PROVIDERS = Set.of("pow", "hcaptcha", "recaptcha", "turnstile");

    public ChallengeConfig {
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigException("challenge.provider must be one of pow, hcaptcha, recaptcha, turnstile, was "
                    + provider);
        }
        if (difficulty < 1 || difficulty > 32) {
            throw new ConfigException("challenge.difficulty must be between 1 and 32, was " + difficulty);
        }
        if (!"pow".equals(provider) && (siteKey == null || siteKey.isEmpty())) {
            throw new ConfigException("challenge.siteKey is required for provider " + provider);
        }
    }

    public static ChallengeConfig defaults() {
        return new ChallengeConfig("pow", 18, null);
    }

    static ChallengeConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("challenge", section, KEYS);
        return new ChallengeConfig(reader.string("provider", "pow"), reader.integer("difficulty", 18),
                reader.string("siteKey", null));
    }
}
