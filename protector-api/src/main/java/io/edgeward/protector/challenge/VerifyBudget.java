package io.edgeward.protector.challenge;

import static io.edgeward.env.ConfigChecks.positive;

import java.time.Duration;

/**
 * How many failed verify attempts a session and a client address may make (docs/challenges.md): each is a token
 * bucket holding {@code attempts}, refilled at {@code attempts} per {@code window}. A right answer never costs
 * budget, so a visitor behind the same address as an attacker still passes a proof of work.
 *
 * @param sessionAttempts failed attempts per session and window (default 10)
 * @param addressAttempts failed attempts per client address and window (default 60; addresses are shared by NAT)
 * @param window          the refill window (default 1 minute)
 * @param tracked         sessions and addresses tracked each (default 100,000); the least recently seen goes first,
 *                        which only ever gives budget back, never takes it from anyone
 */
public record VerifyBudget(int sessionAttempts, int addressAttempts, Duration window, int tracked) {

    public static final VerifyBudget DEFAULT = new VerifyBudget(10, 60, Duration.ofMinutes(1), 100_000);

    public VerifyBudget {
        if (sessionAttempts < 1) {
            throw new IllegalArgumentException("challenge.verifySessionAttempts must be >= 1, was " + sessionAttempts);
        }
        if (addressAttempts < 1) {
            throw new IllegalArgumentException("challenge.verifyAddressAttempts must be >= 1, was " + addressAttempts);
        }
        positive(window, "challenge.verifyWindow");
        if (tracked < 100) {
            throw new IllegalArgumentException("challenge.verifyTracked must be >= 100, was " + tracked);
        }
    }
}
