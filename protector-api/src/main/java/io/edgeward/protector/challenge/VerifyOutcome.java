package io.edgeward.protector.challenge;

/** A verification's outcome: passed, or failed with a stable reason and a fresh challenge for the same visitor. */
public sealed interface VerifyOutcome permits VerifyOutcome.Passed, VerifyOutcome.Failed {

    String provider();

    record Passed(String sessionId, String returnTo, String provider) implements VerifyOutcome {
    }

    /**
     * {@code reason}: malformed, tampered, expired, session_mismatch, user_agent_mismatch, ip_mismatch, replayed,
     * busy, wrong_answer, provider_rejected or provider_unavailable.
     */
    record Failed(String reason, String returnTo, ChallengeOffer fresh, String provider) implements VerifyOutcome {
    }
}
