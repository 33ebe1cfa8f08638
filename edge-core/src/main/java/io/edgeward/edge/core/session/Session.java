package io.edgeward.edge.core.session;

/**
 * A visitor's session as carried in the cookie. Times are epoch seconds. {@code checkedUntil} caches Protector's
 * last good answer; {@code generation} counts consecutive good checks (the check interval doubles with it);
 * {@code challengePassedAt} is 0 when the visitor never passed a challenge and {@code challengePasses} counts the
 * challenges it passed; {@code userAgentHash} binds the cookie to the client.
 *
 * <p>A carried block (docs/contracts.md C3): {@code blockedUntil} (0 = none) is when a block Protector answered
 * stops being enforced from the cookie alone; {@code blockScope} is the scope of that decision and
 * {@code blockAddress} the client address it was answered for when the scope is an address scope ({@code ip},
 * {@code cidr}), else null.
 *
 * <p>{@code sensor} is what the browser sensor established ({@link SensorState}; never null, {@link SensorState#NONE}
 * when nothing).
 */
public record Session(String id, long issuedAt, long expiresAt, long checkedUntil, int generation,
                      long challengePassedAt, String userAgentHash, int challengePasses, long blockedUntil,
                      String blockScope, String blockAddress, SensorState sensor) {

    public Session {
        sensor = sensor == null ? SensorState.NONE : sensor;
        if (id == null || id.isEmpty() || userAgentHash == null) {
            throw new IllegalArgumentException("session id and user agent hash are required");
        }
        if (generation < 0) {
            throw new IllegalArgumentException("session generation must be >= 0, was " + generation);
        }
        if (challengePasses < 0 || blockedUntil < 0) {
            throw new IllegalArgumentException("challenge passes and blocked until must be >= 0");
        }
    }

    /** A session without sensor claims (the cookie of before the browser sensor). */
    public Session(String id, long issuedAt, long expiresAt, long checkedUntil, int generation,
                   long challengePassedAt, String userAgentHash, int challengePasses, long blockedUntil,
                   String blockScope, String blockAddress) {
        this(id, issuedAt, expiresAt, checkedUntil, generation, challengePassedAt, userAgentHash, challengePasses,
                blockedUntil, blockScope, blockAddress, SensorState.NONE);
    }

    /** A session without passes or a carried block (the claims of the first cookie version). */
    public Session(String id, long issuedAt, long expiresAt, long checkedUntil, int generation,
                   long challengePassedAt, String userAgentHash) {
        this(id, issuedAt, expiresAt, checkedUntil, generation, challengePassedAt, userAgentHash, 0, 0, null, null);
    }

    /** Fresh: Protector's answer may still be reused at {@code nowSeconds}. */
    public boolean checkedAt(long nowSeconds) {
        return nowSeconds < checkedUntil;
    }

    public boolean challengePassed() {
        return challengePassedAt > 0;
    }

    /** Whether the cookie carries a block still in force at {@code nowSeconds} (whatever its address). */
    public boolean blockLiveAt(long nowSeconds) {
        return nowSeconds < blockedUntil;
    }

    /** After a good answer: cached until {@code until}, one more good check; a carried block is dropped. */
    public Session checkedGood(long until) {
        return new Session(id, issuedAt, expiresAt, Math.min(until, expiresAt), generation + 1, challengePassedAt,
                userAgentHash, challengePasses, 0, null, null, sensor);
    }

    /** After an answer that must be re-asked on the next request (challenge, block, monitor at generation 0). */
    public Session checkedUntil(long until, int newGeneration) {
        return new Session(id, issuedAt, expiresAt, Math.min(until, expiresAt), newGeneration, challengePassedAt,
                userAgentHash, challengePasses, blockedUntil, blockScope, blockAddress, sensor);
    }

    /**
     * After a passed challenge at {@code nowSeconds}: one more pass, checked until {@code until}. The pass answers
     * the sensor's page count (a visitor that never ran the sensor was challenged for it); a verdict stays, and is
     * older than the pass.
     */
    public Session challengePassedAt(long nowSeconds, long until) {
        return new Session(id, issuedAt, expiresAt, Math.min(until, expiresAt), generation, nowSeconds,
                userAgentHash, challengePasses + 1, blockedUntil, blockScope, blockAddress, sensor.ran());
    }

    /** Carrying a block until {@code until} (never past the cookie's expiry). */
    public Session blocked(long until, String scope, String address) {
        return new Session(id, issuedAt, expiresAt, checkedUntil, generation, challengePassedAt, userAgentHash,
                challengePasses, Math.min(until, expiresAt), scope, address, sensor);
    }

    /** With what the browser sensor established. */
    public Session withSensor(SensorState state) {
        return new Session(id, issuedAt, expiresAt, checkedUntil, generation, challengePassedAt, userAgentHash,
                challengePasses, blockedUntil, blockScope, blockAddress, state);
    }
}
