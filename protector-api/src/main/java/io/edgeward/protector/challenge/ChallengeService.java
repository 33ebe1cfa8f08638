package io.edgeward.protector.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Issues challenges and verifies answers (docs/challenges.md). Verification checks, in order: the signature, the
 * expiry, the binding (session, user agent, and the client IP when configured), single use (the nonce is spent by
 * any attempt, so an answer cannot be retried against the same token), then the proof: the proof-of-work here, a
 * third-party token at the provider. Every failure comes with a fresh challenge for the visitor who answered.
 */
public final class ChallengeService {

    static final int MAX_RETURN_TO = 2048;
    static final int MAX_PROVIDER_ANSWER = 8192;

    private final ChallengeSettings settings;
    private final Clock clock;
    private final ChallengeTokens tokens;
    private final UsedNonces used;
    private final SiteVerifier siteVerifier;
    private final SecureRandom random = new SecureRandom();

    /** {@code siteVerifier} is required for a third-party provider and ignored for {@code pow}. */
    public ChallengeService(ChallengeSettings settings, Clock clock, SiteVerifier siteVerifier) {
        if (!"pow".equals(settings.provider()) && siteVerifier == null) {
            throw new IllegalArgumentException("provider " + settings.provider() + " needs a site verifier");
        }
        this.settings = settings;
        this.clock = clock;
        this.tokens = new ChallengeTokens(settings.key());
        this.used = new UsedNonces(settings.usedNonceLimit(), clock);
        this.siteVerifier = siteVerifier;
    }

    /** A challenge for this visitor, returning to {@code path} (and {@code query}) once passed. */
    public ChallengeOffer issue(String sessionId, String userAgent, String clientIp, String path, String query) {
        return offer(sessionId, userAgent, clientIp, returnTo(path, query));
    }

    public VerifyOutcome verify(VerifyRequest request) {
        ChallengeTokens.Read read = tokens.read(request.token());
        if (read instanceof ChallengeTokens.Invalid invalid) {
            return failed(invalid.reason(), "/", request, settings.provider());
        }
        ChallengeClaims claims = ((ChallengeTokens.Valid) read).claims();
        String returnTo = safeReturnTo(claims.returnTo());
        String provider = claims.provider();
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return failed("expired", returnTo, request, provider);
        }
        if (!same(claims.sessionId(), request.sessionId())) {
            return failed("session_mismatch", returnTo, request, provider);
        }
        if (!same(claims.userAgentHash(), userAgentHash(request.userAgent()))) {
            return failed("user_agent_mismatch", returnTo, request, provider);
        }
        if (claims.clientIp() != null && !claims.clientIp().equals(request.clientIp())) {
            return failed("ip_mismatch", returnTo, request, provider);
        }
        switch (used.claim(claims.nonce(), claims.expiresAt())) {
            case REPLAYED:
                return failed("replayed", returnTo, request, provider);
            case FULL:
                return failed("busy", returnTo, request, provider);
            default:
                break;
        }
        String proofFailure = proofFailure(request, claims);
        return proofFailure == null ? new VerifyOutcome.Passed(claims.sessionId(), returnTo, provider)
                : failed(proofFailure, returnTo, request, provider);
    }

    /** Drops spent nonces whose challenges expired; run now and then. */
    public void purgeExpired() {
        used.purgeExpired();
    }

    private String proofFailure(VerifyRequest request, ChallengeClaims claims) {
        if ("pow".equals(claims.provider())) {
            return ProofOfWork.isWellFormed(request.answer())
                    && ProofOfWork.solves(request.token(), request.answer(), claims.difficulty()) ? null : "wrong_answer";
        }
        if (!claims.provider().equals(settings.provider())) {
            return "provider_unavailable"; // issued under a provider this instance no longer verifies
        }
        if (request.answer() == null || request.answer().isEmpty() || request.answer().length() > MAX_PROVIDER_ANSWER) {
            return "wrong_answer";
        }
        SiteVerifier.Verdict verdict = siteVerifier.verify(request.answer(), request.clientIp());
        if (verdict instanceof SiteVerifier.Success) {
            return null;
        }
        return verdict instanceof SiteVerifier.Rejected ? "provider_rejected" : "provider_unavailable";
    }

    private VerifyOutcome.Failed failed(String reason, String returnTo, VerifyRequest request, String provider) {
        return new VerifyOutcome.Failed(reason, returnTo,
                offer(request.sessionId(), request.userAgent(), request.clientIp(), returnTo),
                provider == null ? settings.provider() : provider);
    }

    private ChallengeOffer offer(String sessionId, String userAgent, String clientIp, String returnTo) {
        Instant now = clock.instant();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ChallengeClaims claims = new ChallengeClaims(sessionId == null ? "" : sessionId, userAgentHash(userAgent),
                settings.bindIp() ? clientIp : null, Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                now, now.plus(settings.ttl()), settings.provider(), settings.difficulty(), returnTo);
        boolean pow = "pow".equals(settings.provider());
        return new ChallengeOffer(tokens.sign(claims), settings.provider(), pow ? settings.difficulty() : 0,
                pow ? null : settings.siteKey());
    }

    /** As the session cookie's {@code uah}: base64url of the first 16 bytes of SHA-256 of the User-Agent. */
    static String userAgentHash(String userAgent) {
        byte[] hash = ProofOfWork.sha256(userAgent == null ? "" : userAgent);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }

    static String returnTo(String path, String query) {
        String candidate = (path == null ? "/" : path) + (query == null || query.isEmpty() ? "" : "?" + query);
        if (candidate.length() > MAX_RETURN_TO) {
            candidate = path == null ? "/" : path;
        }
        return safeReturnTo(candidate);
    }

    /** A same-site path only (the edge checks again): never {@code //host}, {@code /\host}, a scheme or controls. */
    static String safeReturnTo(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_RETURN_TO || candidate.charAt(0) != '/'
                || (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\'))) {
            return "/";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return "/";
            }
        }
        return candidate;
    }

    private static boolean same(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
