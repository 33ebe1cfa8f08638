package io.edgeward.protector.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.challenge.ReturnPath;
import io.edgeward.protector.challenge.events.ChallengeEvent;
import io.edgeward.protector.challenge.events.ChallengeEvents;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.http.Json;
import io.edgeward.protector.nonces.NoncePublisher;
import io.edgeward.protector.nonces.SpentNonces;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues challenges and verifies answers (docs/challenges.md). Verification, in order:
 * <ol>
 *   <li>a standing block on any scope of the client refuses at once, with no fresh challenge ({@code Blocked});</li>
 *   <li>the token's signature, expiry and binding (session, user agent, and the client IP when configured);</li>
 *   <li>a nonce already spent is a replay;</li>
 *   <li>the proof: the proof-of-work here, a third-party token at the provider;</li>
 *   <li>only then is the nonce spent: locally first (a concurrent second answer loses), then published to the other
 *       instances, acknowledged before the pass is answered.</li>
 * </ol>
 * Every failure costs one attempt from the session's and the address's {@link VerifyBudget} and comes with a fresh
 * challenge; when the budget is spent the answer is {@code Limited}, without one. A right proof of work costs
 * nothing, and a provider call is paid for before it is made (it is the one step an attacker could make costly).
 * Every challenge issued for a check and every verification outcome is told to {@link ChallengeEvents} (contract C1),
 * which returns at once whatever becomes of the event.
 */
public final class ChallengeService {

    static final int MAX_RETURN_TO = ReturnPath.MAX_LENGTH;
    static final int MAX_PROVIDER_ANSWER = 8192;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final ChallengeSettings settings;
    private final Clock clock;
    private final ChallengeTokens tokens;
    private final SpentNonces spent;
    private final NoncePublisher publisher;
    private final StandingBlocks blocks;
    private final FailedAttempts attempts;
    private final SiteVerifier siteVerifier;
    private final ChallengeEvents events;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong publishFailures = new AtomicLong();

    /** One instance, no decisions: for tests and tools. {@code siteVerifier} is required for a third-party provider. */
    public ChallengeService(ChallengeSettings settings, Clock clock, SiteVerifier siteVerifier) {
        this(settings, clock, siteVerifier, null, new SpentNonces(settings.usedNonceLimit(), clock), NoncePublisher.NONE);
    }

    /**
     * @param decisions the store whose block decisions hold against verification (null: none)
     * @param spent     the spent nonces, shared with the topic's materializer
     * @param publisher tells the other instances about a nonce this one spent
     */
    public ChallengeService(ChallengeSettings settings, Clock clock, SiteVerifier siteVerifier, DecisionStore decisions,
                            SpentNonces spent, NoncePublisher publisher) {
        this(settings, clock, siteVerifier, decisions, spent, publisher, ChallengeEvents.NONE);
    }

    /** As above, telling {@code events} about every challenge issued for a check and every verification outcome. */
    public ChallengeService(ChallengeSettings settings, Clock clock, SiteVerifier siteVerifier, DecisionStore decisions,
                            SpentNonces spent, NoncePublisher publisher, ChallengeEvents events) {
        if (!"pow".equals(settings.provider()) && siteVerifier == null) {
            throw new IllegalArgumentException("provider " + settings.provider() + " needs a site verifier");
        }
        this.settings = settings;
        this.clock = clock;
        this.tokens = new ChallengeTokens(settings.key());
        this.spent = spent;
        this.publisher = publisher;
        this.blocks = decisions == null ? StandingBlocks.NONE : new StandingBlocks(decisions);
        this.attempts = new FailedAttempts(settings.budget(), clock);
        this.siteVerifier = siteVerifier;
        this.events = events;
    }

    /** A challenge for this visitor, returning to {@code path} (and {@code query}) once passed. */
    public ChallengeOffer issue(String sessionId, String userAgent, String clientIp, String path, String query) {
        return issue(sessionId, userAgent, clientIp, path, query, 0);
    }

    /**
     * As {@link #issue(String, String, String, String, String)} for a session that already passed
     * {@code challengePasses} challenges (check request field, contract C1): the proof of work is harder each time.
     */
    public ChallengeOffer issue(String sessionId, String userAgent, String clientIp, String path, String query,
                                int challengePasses) {
        ChallengeOffer offer = offer(sessionId, userAgent, clientIp, returnTo(path, query), challengePasses);
        tell(ChallengeEvent.Kind.ISSUED, settings.provider(), null, null, sessionId, clientIp);
        return offer;
    }

    /** The proof-of-work difficulty offered to a session that passed {@code challengePasses} challenges. */
    public int difficultyFor(int challengePasses) {
        return settings.ramp().difficulty(settings.difficulty(), challengePasses);
    }

    /** As {@link #verify(VerifyRequest, VerifyingClient)} for a client known only by the verify fields. */
    public VerifyOutcome verify(VerifyRequest request) {
        return verify(request, blocks == StandingBlocks.NONE ? null : VerifyingClient.of(request, MAPPER));
    }

    /** {@code client}: who is answering, for the block lookup (null when there are no decisions to consult). */
    VerifyOutcome verify(VerifyRequest request, VerifyingClient client) {
        Optional<Decision> block = blocks.against(client);
        if (block.isPresent()) {
            Decision d = block.get();
            return told(new VerifyOutcome.Blocked(d.id(), d.scope().wireName(), d.expiresAt(), d.reason(),
                    settings.provider()), request, null);
        }
        ChallengeTokens.Read read = tokens.read(request.token());
        if (read instanceof ChallengeTokens.Invalid invalid) {
            return told(failed(invalid.reason(), "/", request, settings.provider(), false), request, null);
        }
        ChallengeClaims claims = ((ChallengeTokens.Valid) read).claims();
        return told(verify(request, claims), request, claims.issuedAt());
    }

    /** Tells the events about the outcome; {@code issuedAt} is the genuine token's, or null (no solve time). */
    private VerifyOutcome told(VerifyOutcome outcome, VerifyRequest request, Instant issuedAt) {
        Long solveMs = issuedAt == null ? null : clock.millis() - issuedAt.toEpochMilli();
        ChallengeEvent.Kind kind;
        String reason;
        if (outcome instanceof VerifyOutcome.Passed) {
            kind = ChallengeEvent.Kind.PASSED;
            reason = null;
        } else if (outcome instanceof VerifyOutcome.Failed f) {
            kind = ChallengeEvent.Kind.FAILED;
            reason = f.reason();
        } else if (outcome instanceof VerifyOutcome.Blocked b) {
            kind = ChallengeEvent.Kind.BLOCKED;
            reason = b.scope();
        } else {
            kind = ChallengeEvent.Kind.LIMITED;
            reason = ((VerifyOutcome.Limited) outcome).budget();
        }
        tell(kind, outcome.provider(), reason, solveMs, request.sessionId(), request.clientIp());
        return outcome;
    }

    /** Publishing is telemetry: whatever goes wrong in it, the check or the verify it is part of goes on. */
    private void tell(ChallengeEvent.Kind kind, String provider, String reason, Long solveMs, String sessionId,
                      String clientIp) {
        try {
            events.publish(ChallengeEvent.of(clock.instant(), kind, provider, reason, solveMs, sessionId, clientIp));
        } catch (RuntimeException e) {
            // not expected (publish never throws, ChallengeEvent.of takes any input); never worth a failed answer
        }
    }

    /** Verification of a genuine token: binding, replay, the proof, then spending the nonce. */
    private VerifyOutcome verify(VerifyRequest request, ChallengeClaims claims) {
        String returnTo = ReturnPath.safe(claims.returnTo());
        String provider = claims.provider();
        String reason = bindingFailure(request, claims);
        if (reason == null && spent.isSpent(claims.nonce())) {
            reason = "replayed";
        }
        boolean charged = false;
        if (reason == null && !"pow".equals(provider)) {
            VerifyOutcome.Limited limited = charge(request, returnTo, provider);
            if (limited != null) {
                return limited;
            }
            charged = true;
        }
        if (reason == null) {
            reason = proofFailure(request, claims);
        }
        // Spent only now, with the proof right: a wrong answer leaves the challenge open and fills nothing.
        if (reason == null && !spent.claim(claims.nonce(), claims.expiresAt())) {
            reason = "replayed";
        }
        if (reason != null) {
            return failed(reason, returnTo, request, provider, charged);
        }
        if (!publisher.publish(claims.nonce(), claims.expiresAt())) {
            publishFailures.incrementAndGet(); // the pass stands; single use still holds on this instance
        }
        return new VerifyOutcome.Passed(claims.sessionId(), returnTo, provider);
    }

    /** Drops spent nonces whose challenges expired; run now and then. */
    public void purgeExpired() {
        spent.purgeExpired();
    }

    public SpentNonces spentNonces() {
        return spent;
    }

    /** Passes whose nonce could not be published to the other instances in time. */
    public long publishFailures() {
        return publishFailures.get();
    }

    private String bindingFailure(VerifyRequest request, ChallengeClaims claims) {
        if (!clock.instant().isBefore(claims.expiresAt())) {
            return "expired";
        }
        if (!same(claims.sessionId(), request.sessionId())) {
            return "session_mismatch";
        }
        if (!same(claims.userAgentHash(), userAgentHash(request.userAgent()))) {
            return "user_agent_mismatch";
        }
        if (claims.clientIp() != null && !claims.clientIp().equals(request.clientIp())) {
            return "ip_mismatch";
        }
        return null;
    }

    /** Takes one failed attempt from the session's and the address's budget; the refusal when either is spent. */
    private VerifyOutcome.Limited charge(VerifyRequest request, String returnTo, String provider) {
        FailedAttempts.Refusal refusal = attempts.charge(request.sessionId(), request.clientIp());
        return refusal == null ? null
                : new VerifyOutcome.Limited(refusal.budget(), refusal.retryAfter(), returnTo, provider);
    }

    private String proofFailure(VerifyRequest request, ChallengeClaims claims) {
        if ("pow".equals(claims.provider())) {
            if (request.declaresAutomation()) {
                return "automation"; // a proof of work proves work, not a person: a declared robot does not pass
            }
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

    private VerifyOutcome failed(String reason, String returnTo, VerifyRequest request, String provider,
                                 boolean charged) {
        String named = provider == null ? settings.provider() : provider;
        if (!charged) {
            VerifyOutcome.Limited limited = charge(request, returnTo, named);
            if (limited != null) {
                return limited;
            }
        }
        return new VerifyOutcome.Failed(reason, returnTo,
                offer(request.sessionId(), request.userAgent(), request.clientIp(), returnTo, request.passes()), named);
    }

    private ChallengeOffer offer(String sessionId, String userAgent, String clientIp, String returnTo, int passes) {
        Instant now = clock.instant();
        int difficulty = difficultyFor(passes);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ChallengeClaims claims = new ChallengeClaims(sessionId == null ? "" : sessionId, userAgentHash(userAgent),
                settings.bindIp() ? clientIp : null, Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                now, now.plus(settings.ttl()), settings.provider(), difficulty, returnTo);
        boolean pow = "pow".equals(settings.provider());
        return new ChallengeOffer(tokens.sign(claims), settings.provider(), pow ? difficulty : 0,
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
        return ReturnPath.safe(candidate);
    }

    private static boolean same(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
