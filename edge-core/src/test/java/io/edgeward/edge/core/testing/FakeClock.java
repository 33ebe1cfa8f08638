package io.edgeward.edge.core.testing;

import io.edgeward.edge.core.port.EdgeClock;
import io.edgeward.testing.TestClock;

/** The shared {@link TestClock} as the edge's own clock port, for the policy's tests. */
public final class FakeClock extends TestClock implements EdgeClock {

    public FakeClock(long startMillis) {
        super(startMillis);
    }

    @Override
    public long nowMillis() {
        return millis();
    }
}
