package io.edgeward.protector.challenge;

import java.time.Instant;

/**
 * A verification's outcome: passed; failed with a stable reason and a fresh challenge for the same visitor; refused
 * because a block holds against the visitor (no fresh challenge); or refused because the visitor's failed attempts
 * ran out of budget (no fresh challenge either).
 */
public sealed interface VerifyOutcome permits VerifyOutcome.Passed, VerifyOutcome.Failed, VerifyOutcome.Blocked,
        VerifyOutcome.Limited {

    String provider();

    record Passed(String sessionId, String returnTo, String provider) implements VerifyOutcome {
    }

    /**
     * {@code reason}: malformed, tampered, expired, session_mismatch, user_agent_mismatch, ip_mismatch, replayed,
     * wrong_answer, provider_rejected or provider_unavailable.
     */
    record Failed(String reason, String returnTo, ChallengeOffer fresh, String provider) implements VerifyOutcome {
    }

    /** A stored block decision applies: {@code until} is its expiry, null for a block without one. */
    record Blocked(String decisionId, String scope, Instant until, String reason, String provider)
            implements VerifyOutcome {
    }

    /** {@code budget}: {@code session} or {@code address}, whichever ran out; try again after {@code retryAfter} s. */
    record Limited(String budget, long retryAfter, String returnTo, String provider) implements VerifyOutcome {
    }
}
