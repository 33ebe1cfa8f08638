package io.edgeward.edge.core.config;

import io.edgeward.edge.core.challenge.ChallengePage;
import io.edgeward.edge.core.challenge.ChallengeTexts;
import io.edgeward.edge.core.challenge.PageTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The edge's {@code challenge} section. Protector issues each challenge (its answer names the provider, difficulty
 * and site key, docs/challenges.md), so {@code provider}, {@code difficulty} and {@code siteKey} here only describe
 * the deployment and are validated for it; the edge's own settings are the page: {@code template} (an HTML template
 * with {@code {{placeholders}}}, null for the built-in one), {@code strings} (text replacements by key, to translate
 * it) and {@code verifyTimeout} (how long the verify endpoint waits for Protector, default {@code PT3S}: third-party
 * verification is a network call). Defaults: provider {@code pow}, difficulty 18, no site key.
 */
public record ChallengeConfig(String provider, int difficulty, String siteKey, String template,
                              Map<String, String> strings, long verifyTimeoutMillis) {

    static final Set<String> KEYS = Set.of("provider", "difficulty", "siteKey", "template", "strings",
            "verifyTimeout");
    static final Set<String> PROVIDERS = Set.of("pow", "hcaptcha", "recaptcha", "turnstile");
    static final long DEFAULT_VERIFY_TIMEOUT_MILLIS = 3000;

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
        strings = strings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(strings));
        if (verifyTimeoutMillis <= 0 || verifyTimeoutMillis > 30_000) {
            throw new ConfigException("challenge.verifyTimeout must be > 0 and <= PT30S, was "
                    + IsoDuration.format(verifyTimeoutMillis));
        }
        try {
            pageOf(template, strings);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException(invalid.getMessage());
        }
    }

    public ChallengeConfig(String provider, int difficulty, String siteKey) {
        this(provider, difficulty, siteKey, null, Map.of(), DEFAULT_VERIFY_TIMEOUT_MILLIS);
    }

    public static ChallengeConfig defaults() {
        return new ChallengeConfig("pow", 18, null);
    }

    /** The page built from {@code template} and {@code strings}. */
    public ChallengePage page() {
        return pageOf(template, strings);
    }

    private static ChallengePage pageOf(String template, Map<String, String> strings) {
        if (template == null && strings.isEmpty()) {
            return ChallengePage.defaults();
        }
        return new ChallengePage(template == null ? PageTemplate.defaultTemplate() : PageTemplate.of(template),
                strings.isEmpty() ? ChallengeTexts.english() : ChallengeTexts.withOverrides(strings));
    }

    static ChallengeConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("challenge", section, KEYS);
        return new ChallengeConfig(reader.string("provider", "pow"), reader.integer("difficulty", 18),
                reader.string("siteKey", null), reader.string("template", null), strings(reader.raw("strings")),
                reader.durationMillis("verifyTimeout", "PT3S"));
    }

    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new ConfigException("challenge.strings must be an object of texts by key");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            if (!(entry.getValue() instanceof String)) {
                throw new ConfigException("challenge.strings." + entry.getKey() + " must be a string, was "
                        + entry.getValue());
            }
            out.put(String.valueOf(entry.getKey()), (String) entry.getValue());
        }
        return out;
    }
}
