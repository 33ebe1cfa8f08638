package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.rules.ActorState;
import io.edgeward.detection.rules.CrossRules;
import io.edgeward.detection.rules.Finding;
import io.edgeward.detection.rules.RequestEvent;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cross-address rules on signals repartitioned by {@code scope|value} (session, ja4, user_agent, cidr, campaign,
 * route): each key's recent signals are kept as events whose path hash is the client address's hash and whose id
 * prefix is the hash of the signal's route. Findings on shared attributes ask for sessionless decisions, with the
 * route where the rule has one; escalation weighs their blast radius.
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
        int routeHash = signal.route() == null ? 0 : signal.route().hashCode();
        RequestEvent event = new RequestEvent(now, signal.flags(), signal.ip().hashCode(), routeHash, 0);
        byte[] stored = store.get(record.key());
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        RuleName rule = CrossRules.ruleOf(scope);
        if (state.isQuiet(rule.ordinal(), now)) {
            return; // already detected: hot attack keys cost no state updates until the decision runs out
        }
        state.append(event, now - p.retention().toMillis(), p.limits().signalsPerKey());
        for (Finding f : CrossRules.evaluate(state, event, scope, value, p)) {
            // a route stays under attack while the surge lasts: its decision is renewed half-way through
            long quiet = rule == RuleName.ROUTE_UNDER_ATTACK ? f.duration().toMillis() / 2 : f.duration().toMillis();
            state.quietUntil(rule.ordinal(), now + quiet);
            context.forward(new Record<>(record.key(), candidate(f, scope, value, signal.route(), now), now));
        }
        store.put(record.key(), state.toBytes());
    }

    private static Candidate candidate(Finding f, String scope, String value, String signalRoute, long now) {
        String cap = Action.BLOCK.wire();
        String action = f.action().wire();
        return switch (scope) {
            // the campaign signal's route reads "<campaign key> <METHOD> <pattern>"
            case "campaign" -> {
                int space = signalRoute.indexOf(' ');
                yield new Candidate(f.rule().key(), scope, signalRoute.substring(0, space), action, cap,
                        f.duration().toString(), f.reason(), now, f.evidence(), Boolean.TRUE,
                        signalRoute.substring(space + 1), null);
            }
            case "route" -> new Candidate(f.rule().key(), scope, value, action, Action.CHALLENGE.wire(),
                    f.duration().toString(), f.reason(), now, f.evidence(), null, null, null);
            case "session" -> new Candidate(f.rule().key(), scope, value, action, cap, f.duration().toString(),
                    f.reason(), now, f.evidence());
            // distributed stuffing on a JA4, user agent or network: only requests without a session, on logins
            default -> new Candidate(f.rule().key(), scope, value, action, cap, f.duration().toString(),
                    f.reason(), now, f.evidence(), Boolean.TRUE, signalRoute, null);
        };
    }

    private void expire(long streamTime) {
        StaleEntries.delete(store, ActorState::lastSeenOf, streamTime - policy.get().retention().toMillis());
        StaleEntries.bound(store, ActorState::lastSeenOf, policy.get().limits().maxEntries());
    }
}
