package io.edgeward.edge.core.protector;

import io.edgeward.edge.core.port.EdgeClock;

/**
 * Stops calling Protector after {@code failures} consecutive failures, for {@code openMillis}; then lets one probe
 * through: its success closes the breaker, its failure opens it again. Driven by the injected clock. Synchronized
 * because the JVM target may serve concurrent requests and answers arrive on HTTP threads.
 */
public final class CircuitBreaker {

    /** The breaker's state, for tests and logs. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openMillis;
    private final EdgeClock clock;
    private int consecutiveFailures;
    private long openedAt;
    private State state = State.CLOSED;

    public CircuitBreaker(int failureThreshold, long openMillis, EdgeClock clock) {
        this.failureThreshold = failureThreshold;
        this.openMillis = openMillis;
        this.clock = clock;
    }

    /**
     * Whether a call may go out now. When the open period has passed, the first caller gets the probe and later
     * callers are refused until it reports; a probe that never reports is replaced after another open period.
     */
    public synchronized boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        long now = clock.nowMillis();
        if (now - openedAt < openMillis) {
            return false;
        }
        state = State.HALF_OPEN;
        openedAt = now;
        return true;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
    }

    /** Returns true when this failure opened the breaker (for a single log line). */
    public synchronized boolean onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= failureThreshold)) {
            state = State.OPEN;
            openedAt = clock.nowMillis();
            return true;
        }
        return false;
    }

    /** The clock driving this breaker (a budget sharing it moves with it in tests). */
    public EdgeClock clock() {
        return clock;
    }

    public synchronized State state() {
        return state;
    }
}
