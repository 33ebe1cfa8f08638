package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.config.CheckIntervalConfig;
import io.edgeward.edge.core.session.Session;

/**
 * How a Protector answer is cached in the session (DESIGN "The loop" 2): {@code allow} is reused for
 * {@code initial * 2^gen} capped at {@code max} and at the answer's {@code ttl}, and counts as a good check;
 * {@code monitor} is reused for the initial interval only and resets the count; {@code challenge} and {@code block}
 * are not reused at all, so the next request asks again.
 */
public final class CheckIntervals {

    private final CheckIntervalConfig config;

    public CheckIntervals(CheckIntervalConfig config) {
        this.config = config;
    }

    public Session apply(Session session, ProtectorAnswer answer, long nowSeconds) {
        switch (answer.action()) {
            case ALLOW: {
                long seconds = Math.min(config.intervalMillis(session.generation()) / 1000, answer.ttlSeconds());
                return session.checkedGood(nowSeconds + seconds);
            }
            case MONITOR: {
                long seconds = Math.min(config.initialMillis() / 1000, answer.ttlSeconds());
                return session.checkedUntil(nowSeconds + seconds, 0);
            }
            default:
                return session.checkedUntil(nowSeconds, 0);
        }
    }
}
