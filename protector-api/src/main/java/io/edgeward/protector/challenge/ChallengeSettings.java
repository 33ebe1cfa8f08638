package io.edgeward.protector.challenge;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.env.EnvReader;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How Protector issues and verifies challenges (docs/challenges.md). Validated when built; the bad value is in the
 * message, never a secret. {@link #toString()} masks the key and the provider secret.
 *
 * @param key             HMAC key signing challenge tokens (>= 32 bytes). Several Protector instances must share it
 *                        ({@code EDGEWARD_CHALLENGE_KEY}); unset, each process makes a random one
 * @param ttl             how long a challenge may be answered (default 5 minutes)
 * @param provider        pow (default), hcaptcha, recaptcha or turnstile
 * @param difficulty      proof-of-work leading zero bits (default 18; 1..32)
 * @param bindIp          whether a challenge is bound to the client IP too (default false: mobile clients move)
 * @param siteKey         the third-party provider's public site key (required for third-party providers)
 * @param secret          the third-party provider's secret (required for third-party providers)
 * @param verifyUrl       the provider's siteverify endpoint (default: the documented one for the provider)
 * @param providerTimeout how long siteverify may take (default 2 s)
 * @param usedNonceLimit  passed challenges remembered until they expire (default 1,000,000; the oldest go first)
 * @param ramp            proof-of-work difficulty rising with the session's passes (default +2 bits a pass, max 24)
 * @param budget          failed verify attempts allowed per session and per address
 * @param nonces          the spent-nonce topic shared by every instance
 */
public record ChallengeSettings(byte[] key, Duration ttl, String provider, int difficulty, boolean bindIp,
                                String siteKey, String secret, URI verifyUrl, Duration providerTimeout,
                                int usedNonceLimit, PowRamp ramp, VerifyBudget budget, NonceSharing nonces) {

    public static final Set<String> PROVIDERS = Set.of("pow", "hcaptcha", "recaptcha", "turnstile");

    public ChallengeSettings {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("challenge.key must be at least 32 bytes, was "
                    + (key == null ? "missing" : key.length + " bytes"));
        }
        key = key.clone();
        positive(ttl, "challenge.ttl");
        if (provider == null || !PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("challenge.provider must be one of pow, hcaptcha, recaptcha, turnstile,"
                    + " was " + provider);
        }
        if (difficulty < 1 || difficulty > 32) {
            throw new IllegalArgumentException("challenge.difficulty must be 1..32, was " + difficulty);
        }
        if (!"pow".equals(provider)) {
            if (siteKey == null || siteKey.isBlank()) {
                throw new IllegalArgumentException("challenge.siteKey is required for provider " + provider);
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("challenge.secret is required for provider " + provider);
            }
            verifyUrl = verifyUrl == null ? URI.create(documentedVerifyUrl(provider)) : verifyUrl;
            if (!"https".equals(verifyUrl.getScheme()) && !"http".equals(verifyUrl.getScheme())) {
                throw new IllegalArgumentException("challenge.verifyUrl must be an http(s) URL, was " + verifyUrl);
            }
        }
        positive(providerTimeout, "challenge.providerTimeout");
        if (usedNonceLimit < 1000) {
            throw new IllegalArgumentException("challenge.usedNonceLimit must be >= 1000, was " + usedNonceLimit);
        }
        ramp = ramp == null ? PowRamp.DEFAULT : ramp;
        if (ramp.max() < difficulty) {
            throw new IllegalArgumentException("challenge.maxDifficulty must be >= challenge.difficulty (" + difficulty
                    + "), was " + ramp.max());
        }
        budget = budget == null ? VerifyBudget.DEFAULT : budget;
        nonces = nonces == null ? NonceSharing.DEFAULT : nonces;
    }

    /** The provider's documented server-side verification endpoint. */
    public static String documentedVerifyUrl(String provider) {
        return switch (provider) {
            case "hcaptcha" -> "https://api.hcaptcha.com/siteverify";
            case "recaptcha" -> "https://www.google.com/recaptcha/api/siteverify";
            case "turnstile" -> "https://challenges.cloudflare.com/turnstile/v0/siteverify";
            default -> throw new IllegalArgumentException("no verification endpoint for " + provider);
        };
    }

    /** Proof-of-work at difficulty 18 with a random key: fine for one Protector instance. */
    public static ChallengeSettings defaults() {
        return pow(randomKey(), 18);
    }

    public static ChallengeSettings pow(byte[] key, int difficulty) {
        return new ChallengeSettings(key, Duration.ofMinutes(5), "pow", difficulty, false, null, null, null,
                Duration.ofSeconds(2), 1_000_000, new PowRamp(PowRamp.DEFAULT.step(),
                        Math.max(difficulty, PowRamp.DEFAULT.max())), null, null);
    }

    public ChallengeSettings withProvider(String newProvider, String newSiteKey, String newSecret, URI newVerifyUrl,
                                          Duration newTimeout) {
        return new ChallengeSettings(key, ttl, newProvider, difficulty, bindIp, newSiteKey, newSecret, newVerifyUrl,
                newTimeout, usedNonceLimit, ramp, budget, nonces);
    }

    public ChallengeSettings withTtl(Duration newTtl) {
        return new ChallengeSettings(key, newTtl, provider, difficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, ramp, budget, nonces);
    }

    public ChallengeSettings withBindIp(boolean newBindIp) {
        return new ChallengeSettings(key, ttl, provider, difficulty, newBindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, ramp, budget, nonces);
    }

    public ChallengeSettings withDifficulty(int newDifficulty) {
        return new ChallengeSettings(key, ttl, provider, newDifficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, new PowRamp(ramp.step(), Math.max(ramp.max(), newDifficulty)), budget,
                nonces);
    }

    public ChallengeSettings withRamp(PowRamp newRamp) {
        return new ChallengeSettings(key, ttl, provider, difficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, newRamp, budget, nonces);
    }

    public ChallengeSettings withBudget(VerifyBudget newBudget) {
        return new ChallengeSettings(key, ttl, provider, difficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, ramp, newBudget, nonces);
    }

    public ChallengeSettings withNonces(NonceSharing newNonces) {
        return new ChallengeSettings(key, ttl, provider, difficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, usedNonceLimit, ramp, budget, newNonces);
    }

    public ChallengeSettings withUsedNonceLimit(int newLimit) {
        return new ChallengeSettings(key, ttl, provider, difficulty, bindIp, siteKey, secret, verifyUrl,
                providerTimeout, newLimit, ramp, budget, nonces);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** Reads {@code EDGEWARD_CHALLENGE_*} (docs/challenges.md lists them); the one place they are read. */
    public static ChallengeSettings fromEnvironment(Map<String, String> variables) {
        EnvReader env = EnvReader.of(variables);
        String keyText = env.optional("EDGEWARD_CHALLENGE_KEY").orElse(null);
        byte[] key;
        try {
            key = keyText == null ? randomKey() : Base64.getUrlDecoder().decode(keyText.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EDGEWARD_CHALLENGE_KEY must be base64url (>= 32 bytes)");
        }
        String provider = variables.getOrDefault("EDGEWARD_CHALLENGE_PROVIDER", "pow").strip().toLowerCase(Locale.ROOT);
        return new ChallengeSettings(key,
                env.duration("EDGEWARD_CHALLENGE_TTL", Duration.ofMinutes(5)), provider,
                env.integer("EDGEWARD_CHALLENGE_DIFFICULTY", 18),
                "true".equalsIgnoreCase(variables.getOrDefault("EDGEWARD_CHALLENGE_BIND_IP", "false").strip()),
                env.optional("EDGEWARD_CHALLENGE_SITE_KEY").orElse(null),
                env.optional("EDGEWARD_CHALLENGE_SECRET").orElse(null),
                env.optional("EDGEWARD_CHALLENGE_VERIFY_URL").map(URI::create).orElse(null),
                env.duration("EDGEWARD_CHALLENGE_PROVIDER_TIMEOUT", Duration.ofSeconds(2)),
                env.integer("EDGEWARD_CHALLENGE_USED_NONCE_LIMIT", 1_000_000),
                new PowRamp(env.integer("EDGEWARD_CHALLENGE_DIFFICULTY_STEP", PowRamp.DEFAULT.step()),
                        env.integer("EDGEWARD_CHALLENGE_MAX_DIFFICULTY", PowRamp.DEFAULT.max())),
                new VerifyBudget(env.integer("EDGEWARD_CHALLENGE_VERIFY_SESSION_ATTEMPTS", VerifyBudget.DEFAULT.sessionAttempts()),
                        env.integer("EDGEWARD_CHALLENGE_VERIFY_ADDRESS_ATTEMPTS", VerifyBudget.DEFAULT.addressAttempts()),
                        env.duration("EDGEWARD_CHALLENGE_VERIFY_WINDOW", VerifyBudget.DEFAULT.window()),
                        env.integer("EDGEWARD_CHALLENGE_VERIFY_TRACKED", VerifyBudget.DEFAULT.tracked())),
                new NonceSharing(variables.getOrDefault("EDGEWARD_CHALLENGE_NONCES_TOPIC", NonceSharing.DEFAULT.topic()),
                        env.duration("EDGEWARD_CHALLENGE_NONCE_RETENTION_MARGIN", NonceSharing.DEFAULT.retentionMargin()),
                        env.duration("EDGEWARD_CHALLENGE_NONCE_PUBLISH_TIMEOUT", NonceSharing.DEFAULT.publishTimeout())));
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChallengeSettings s && java.util.Arrays.equals(key, s.key) && ttl.equals(s.ttl)
                && provider.equals(s.provider) && difficulty == s.difficulty && bindIp == s.bindIp
                && java.util.Objects.equals(siteKey, s.siteKey) && java.util.Objects.equals(secret, s.secret)
                && java.util.Objects.equals(verifyUrl, s.verifyUrl) && providerTimeout.equals(s.providerTimeout)
                && usedNonceLimit == s.usedNonceLimit && ramp.equals(s.ramp) && budget.equals(s.budget)
                && nonces.equals(s.nonces);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ttl, provider, difficulty, siteKey);
    }

    @Override
    public String toString() {
        return "ChallengeSettings[key=***, ttl=" + ttl + ", provider=" + provider + ", difficulty=" + difficulty
                + ", bindIp=" + bindIp + ", siteKey=" + siteKey + ", secret=" + (secret == null ? "none" : "***")
                + ", verifyUrl=" + verifyUrl + ", providerTimeout=" + providerTimeout + ", usedNonceLimit="
                + usedNonceLimit + ", ramp=" + ramp + ", budget=" + budget + ", nonces=" + nonces + "]";
    }
}
