package io.edgeward.edge.core.protector;

import io.edgeward.edge.core.port.EdgeClock;

/**
 * Protector calls of one edge environment: {@code perSecond} a second on average, bursts of {@code burst}. A check
 * of a visitor without a usable cookie may be shed ({@link #tryAcquire}) so a flood of cookieless requests fails
 * open at once instead of waiting for timeouts that would also open the breaker for everyone; a visitor with a
 * usable cookie is never refused ({@link #acquire}) but still spends a token, down to a debt of one burst, so
 * established sessions come first. Driven by the injected clock; kept in thousandths of a token so the arithmetic
 * stays whole.
 */
public final class TokenBucket {

    private static final long MAX_ELAPSED = 2_000_000_000L;

    private final long perSecond;
    private final long capacity;
    private final EdgeClock clock;
    private long milliTokens;
    private long lastMillis;

    public TokenBucket(int perSecond, int burst, EdgeClock clock) {
        this.perSecond = perSecond;
        this.capacity = burst * 1000L;
        this.clock = clock;
        this.milliTokens = capacity;
        this.lastMillis = clock.nowMillis();
    }

    /** Takes a token if one is there; false means shed this call. */
    public synchronized boolean tryAcquire() {
        refill();
        if (milliTokens < 1000) {
            return false;
        }
        milliTokens -= 1000;
        return true;
    }

    /** Takes a token, owing it if none is there (never more than one burst of debt). */
    public synchronized void acquire() {
        refill();
        milliTokens = Math.max(-capacity, milliTokens - 1000);
    }

    /** Whole tokens available now (for tests and logs). */
    public synchronized long available() {
        refill();
        return Math.max(0, milliTokens / 1000);
    }

    private void refill() {
        long now = clock.nowMillis();
        long elapsed = now - lastMillis;
        lastMillis = now;
        if (elapsed <= 0) {
            return;
        }
        // perSecond tokens a second is perSecond thousandths a millisecond; a long pause (or a clock jump) fills the
        // bucket from the deepest debt, and is capped before the product could overflow.
        long added = elapsed > MAX_ELAPSED ? capacity * 2 : Math.min(capacity * 2, elapsed * perSecond);
        milliTokens = Math.min(capacity, milliTokens + added);
    }
}
