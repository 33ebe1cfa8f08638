package io.edgeward.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's clock during a replay: the time of the latest record fed. Live, the engine publishes no decision
 * that has already expired by its clock; replaying last month's log, the log's own time is "now".
 */
final class EventClock extends Clock {

    private Instant now = Instant.EPOCH;

    void advanceTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the replay clock is UTC");
    }
}
