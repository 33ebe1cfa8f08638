package io.edgeward.edge.core.session;

/**
 * A visitor's session as carried in the cookie. Times are epoch seconds. {@code checkedUntil} caches Protector's
 * last good answer; {@code generation} counts consecutive good checks (the check interval doubles with it);
 * {@code challengePassedAt} is 0 when the visitor never passed a challenge; {@code userAgentHash} binds the cookie
 * to the client.
 */
public record Session(String id, long issuedAt, long expiresAt, long checkedUntil, int generation,
                      long challengePassedAt, String userAgentHash) {

    public Session {
        if (id == null || id.isEmpty() || userAgentHash == null) {
            throw new IllegalArgumentException("session id and user agent hash are required");
        }
        if (generation < 0) {
            throw new IllegalArgumentException("session generation must be >= 0, was " + generation);
        }
    }

    /** Fresh: Protector's answer may still be reused at {@code nowSeconds}. */
    public boolean checkedAt(long nowSeconds) {
        return nowSeconds < checkedUntil;
    }

    public boolean challengePassed() {
        return challengePassedAt > 0;
    }

    /** After a good answer: cached until {@code until}, one more good check. */
    public Session checkedGood(long until) {
        return new Session(id, issuedAt, expiresAt, Math.min(until, expiresAt), generation + 1, challengePassedAt,
                userAgentHash);
    }

    /** After an answer that must be re-asked on the next request (challenge, block, monitor at generation 0). */
    public Session checkedUntil(long until, int newGeneration) {
        return new Session(id, issuedAt, expiresAt, Math.min(until, expiresAt), newGeneration, challengePassedAt,
                userAgentHash);
    }
}
