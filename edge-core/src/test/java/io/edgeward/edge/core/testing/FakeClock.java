package io.edgeward.edge.core.testing;

import io.edgeward.edge.core.port.EdgeClock;

/** An EdgeClock tests move by hand. */
public final class FakeClock implements EdgeClock {

    private long millis;

    public FakeClock(long startMillis) {
        this.millis = startMillis;
    }

    public synchronized void advanceSeconds(long seconds) {
        millis += seconds * 1000;
    }

    public synchronized void advanceMillis(long delta) {
        millis += delta;
    }

    @Override
    public synchronized long nowMillis() {
        return millis;
    }
}
