package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.rules.ActorState;
import io.edgeward.detection.rules.CrossRules;
import io.edgeward.detection.rules.Finding;
import io.edgeward.detection.rules.RequestEvent;
import io.edgeward.detection.rules.Signals;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cross-address rules on signals repartitioned by {@code scope|value} (session, ja4, user_agent, cidr): each key's
 * recent signals are kept as events whose path hash is the client address's hash.
 */
final class CrossProcessor implements Processor<String, Signal, String, Candidate> {

    static final String STORE = "cross";

    private final Supplier<DetectionPolicy> policy;
    private ProcessorContext<String, Candidate> context;
    private KeyValueStore<String, byte[]> store;

    CrossProcessor(Supplier<DetectionPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Candidate> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        int bar = record.key() == null ? -1 : record.key().indexOf('|');
        if (signal == null || bar < 0) {
            return;
        }
        String scope = record.key().substring(0, bar);
        String value = record.key().substring(bar + 1);
        DetectionPolicy p = policy.get();
        long now = signal.time();
        int flags = (signal.loginAttempt() ? Signals.LOGIN_ATTEMPT : 0) | (signal.loginFailed() ? Signals.LOGIN_FAIL : 0);
        RequestEvent event = new RequestEvent(now, flags, signal.ip().hashCode(), 0, 0);
        byte[] stored = store.get(record.key());
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        int rule = ("session".equals(scope) ? RuleName.SESSION_SHARED : RuleName.CREDENTIAL_STUFFING_DISTRIBUTED)
                .ordinal();
        if (state.isQuiet(rule, now)) {
            return; // already detected: hot attack keys cost no state updates until the decision runs out
        }
        state.append(event, now - p.retention().toMillis(), p.limits().signalsPerKey());
        for (Finding f : CrossRules.evaluate(state, event, scope, p)) {
            state.quietUntil(f.rule().ordinal(), now + f.duration().toMillis());
            Candidate c = new Candidate(f.rule().key(), scope, value, f.action().wire(), Action.BLOCK.wire(),
                    f.duration().toString(), f.reason(), now, f.evidence());
            context.forward(new Record<>(record.key(), c, now));
        }
        store.put(record.key(), state.toBytes());
    }

    private void expire(long streamTime) {
        StaleEntries.delete(store, ActorState::lastSeenOf, streamTime - policy.get().retention().toMillis());
    }
}
