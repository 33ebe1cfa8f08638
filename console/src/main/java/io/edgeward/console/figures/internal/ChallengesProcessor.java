package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.ChallengeEvent;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts challenge outcomes per provider and minute, and keeps a day of events under their session ({@code s|})
 * and address ({@code a|}) for explain, at most {@link RequestIndex#PER_KEY_PER_MINUTE} per key a minute.
 */
public final class ChallengesProcessor implements Processor<String, ChallengeEvent, Void, Void> {

    private final PerKeyCap cap = new PerKeyCap(RequestIndex.PER_KEY_PER_MINUTE);
    private WindowStore<String, ChallengeEvent> events;
    private OpenWindows<ChallengeCounts> counts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        events = context.getStateStore(StoreNames.CHALLENGE_EVENTS);
        counts = new OpenWindows<>(context.getStateStore(StoreNames.CHALLENGES), StoreNames.CHALLENGES_KEY,
                StoreNames.MINUTE.toMillis(), 3, ChallengeCounts::new);
        context.schedule(LogsProcessor.FLUSH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> counts.flush());
    }

    @Override
    public void process(Record<String, ChallengeEvent> record) {
        ChallengeEvent read = record.value();
        if (read == null) {
            return;
        }
        ChallengeEvent e = read.time() != null ? read : new ChallengeEvent(Instant.ofEpochMilli(record.timestamp()),
                read.event(), read.provider(), read.reason(), read.solveMillis(), read.sessionId(), read.clientIp());
        long ts = e.time().toEpochMilli();
        counts.update(ts, c -> c.add(e.provider(), e.event(), e.reason(), e.solveMillis()));
        String session = RequestIndex.key(e.sessionId());
        if (session != null && !session.isEmpty() && cap.admit('s', session, ts)) {
            events.put("s|" + session, e, ts);
        }
        if (e.clientIp() != null && !e.clientIp().isEmpty()) {
            String address = Networks.canonicalAddress(RequestIndex.key(e.clientIp()));
            if (cap.admit('a', address, ts)) {
                events.put("a|" + address, e, ts);
            }
        }
    }

    @Override
    public void close() {
        counts.flush();
    }
}
