package io.edgeward.protector.challenge;

import static io.edgeward.env.ConfigChecks.positive;

import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
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

    private static final String C = "EDGEWARD_CHALLENGE_";
    static final EnvKey<String> KEY = EnvKey.secret(C + "KEY");
    static final EnvKey<Duration> TTL = EnvKey.positiveDuration(C + "TTL", Duration.ofMinutes(5));
    static final EnvKey<String> PROVIDER = EnvKey.oneOf(C + "PROVIDER", PROVIDERS, "pow");
    static final EnvKey<Integer> DIFFICULTY = EnvKey.integer(C + "DIFFICULTY", 18, 1, 32);
    static final EnvKey<Boolean> BIND_IP = EnvKey.bool(C + "BIND_IP", false);
    static final EnvKey<String> SITE_KEY = EnvKey.string(C + "SITE_KEY", null);
    static final EnvKey<String> SECRET = EnvKey.secret(C + "SECRET");
    static final EnvKey<URI> VERIFY_URL = EnvKey.url(C + "VERIFY_URL", null);
    static final EnvKey<Duration> PROVIDER_TIMEOUT = EnvKey.positiveDuration(C + "PROVIDER_TIMEOUT",
            Duration.ofSeconds(2));
    static final EnvKey<Integer> USED_NONCE_LIMIT = EnvKey.integer(C + "USED_NONCE_LIMIT", 1_000_000, 1000,
            Integer.MAX_VALUE);
    static final EnvKey<Integer> DIFFICULTY_STEP = EnvKey.integer(C + "DIFFICULTY_STEP", PowRamp.DEFAULT.step(), 0, 8);
    static final EnvKey<Integer> MAX_DIFFICULTY = EnvKey.integer(C + "MAX_DIFFICULTY", PowRamp.DEFAULT.max(), 1, 32);
    static final EnvKey<Integer> VERIFY_SESSION_ATTEMPTS = EnvKey.integer(C + "VERIFY_SESSION_ATTEMPTS",
            VerifyBudget.DEFAULT.sessionAttempts(), 1, Integer.MAX_VALUE);
    static final EnvKey<Integer> VERIFY_ADDRESS_ATTEMPTS = EnvKey.integer(C + "VERIFY_ADDRESS_ATTEMPTS",
            VerifyBudget.DEFAULT.addressAttempts(), 1, Integer.MAX_VALUE);
    static final EnvKey<Duration> VERIFY_WINDOW = EnvKey.positiveDuration(C + "VERIFY_WINDOW",
            VerifyBudget.DEFAULT.window());
    static final EnvKey<Integer> VERIFY_TRACKED = EnvKey.integer(C + "VERIFY_TRACKED", VerifyBudget.DEFAULT.tracked(),
            100, Integer.MAX_VALUE);
    static final EnvKey<String> NONCES_TOPIC = EnvKey.string(C + "NONCES_TOPIC", NonceSharing.DEFAULT.topic());
    static final EnvKey<Duration> NONCE_RETENTION_MARGIN = EnvKey.positiveDuration(C + "NONCE_RETENTION_MARGIN",
            NonceSharing.DEFAULT.retentionMargin());
    static final EnvKey<Duration> NONCE_PUBLISH_TIMEOUT = EnvKey.positiveDuration(C + "NONCE_PUBLISH_TIMEOUT",
            NonceSharing.DEFAULT.publishTimeout());

    /** {@code EDGEWARD_CHALLENGE_*} (docs/challenges.md lists them); part of Protector's {@code ENV}. */
    public static final EnvSpec ENV = EnvSpec.of("challenge", KEY, TTL, PROVIDER, DIFFICULTY, BIND_IP, SITE_KEY,
            SECRET, VERIFY_URL, PROVIDER_TIMEOUT, USED_NONCE_LIMIT, DIFFICULTY_STEP, MAX_DIFFICULTY,
            VERIFY_SESSION_ATTEMPTS, VERIFY_ADDRESS_ATTEMPTS, VERIFY_WINDOW, VERIFY_TRACKED, NONCES_TOPIC,
            NONCE_RETENTION_MARGIN, NONCE_PUBLISH_TIMEOUT);

    /** Reads {@code EDGEWARD_CHALLENGE_*} alone (any other {@code EDGEWARD_*} variable is refused). */
    public static ChallengeSettings fromEnvironment(Map<String, String> variables) {
        return from(ENV.read(variables));
    }

    /** From a spec that includes {@link #ENV}: Protector's. */
    public static ChallengeSettings from(EnvValues env) {
        String keyText = env.get(KEY);
        byte[] key;
        try {
            key = keyText == null ? randomKey() : Base64.getUrlDecoder().decode(keyText.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EDGEWARD_CHALLENGE_KEY must be base64url (>= 32 bytes)");
        }
        return new ChallengeSettings(key, env.get(TTL), env.get(PROVIDER), env.get(DIFFICULTY), env.get(BIND_IP),
                env.get(SITE_KEY), env.get(SECRET), env.get(VERIFY_URL), env.get(PROVIDER_TIMEOUT),
                env.get(USED_NONCE_LIMIT), new PowRamp(env.get(DIFFICULTY_STEP), env.get(MAX_DIFFICULTY)),
                new VerifyBudget(env.get(VERIFY_SESSION_ATTEMPTS), env.get(VERIFY_ADDRESS_ATTEMPTS),
                        env.get(VERIFY_WINDOW), env.get(VERIFY_TRACKED)),
                new NonceSharing(env.get(NONCES_TOPIC), env.get(NONCE_RETENTION_MARGIN),
                        env.get(NONCE_PUBLISH_TIMEOUT)));
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
