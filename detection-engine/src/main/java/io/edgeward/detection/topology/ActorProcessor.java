package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import io.edgeward.detection.rules.ActorRules;
import io.edgeward.detection.rules.ActorState;
import io.edgeward.detection.rules.Finding;
import io.edgeward.detection.rules.RequestClassifier;
import io.edgeward.detection.rules.RequestEvent;
import io.edgeward.detection.rules.Signals;
import io.edgeward.detection.topics.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-address partition work: attributes each request to an actor (its session when it came back with our cookie,
 * otherwise its address and user agent), updates that actor's state, runs the actor rules, and emits candidates
 * and cross-address signals. Actor findings are scoped to the session, or to the address when there is no session,
 * capped at challenge when the address is shared by well-behaved sessions.
 */
final class ActorProcessor implements Processor<String, LogRecord, String, Emission> {

    private static final Logger log = LoggerFactory.getLogger(ActorProcessor.class);
    static final String ACTORS = "actors";
    static final String ADDRESSES = "addresses";

    private final Supplier<DetectionPolicy> policy;
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, byte[]> actors;
    private KeyValueStore<String, byte[]> addresses;
    private long skipped;
    private RequestClassifier classifier;

    ActorProcessor(Supplier<DetectionPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        this.actors = context.getStateStore(ACTORS);
        this.addresses = context.getStateStore(ADDRESSES);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, LogRecord> record) {
        LogRecord r = record.value();
        if (r == null || !r.isUsable()) {
            if (++skipped % 1000 == 1) {
                log.warn("skipping log records without clientIp, method, path or status (skipped={})", skipped);
            }
            return;
        }
        if (r.isVerifiedGoodBot()) {
            return;
        }
        DetectionPolicy p = policy.get();
        long now = record.timestamp();
        if (classifier == null || classifier.classification() != p.classification()) {
            classifier = new RequestClassifier(p.classification());
        }
        RequestEvent event = classifier.classify(r, now);
        if (r.hasReturningSession()) {
            processSession(r, event, p, now);
        } else {
            processClient(r, event, p, now);
        }
        if (Signals.has(event.flags(), Signals.LOGIN_ATTEMPT)) {
            emitLoginSignals(r, event, p, now);
        }
    }

    private void processSession(LogRecord r, RequestEvent event, DetectionPolicy p, long now) {
        String key = "s|" + r.sessionId();
        byte[] stored = actors.get(key);
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        state.append(event, now - p.retention().toMillis(), p.limits().eventsPerActor());
        if (stored == null) {
            // the visitor took the cookie minted on an earlier cookieless request: evidence against refusal
            appendToClient(r, RequestEvent.marker(now, Signals.RETURNED), p, now);
        }
        noteAddress(r, state, p, now);
        List<Finding> findings = ActorRules.evaluate(state, event, p);
        for (Finding f : findings) {
            state.quietUntil(f.rule().ordinal(), now + f.duration().toMillis());
            emit(f, "session", r.sessionId(), Action.BLOCK, now);
        }
        if (!findings.isEmpty()) {
            AddressBook book = AddressBook.fromBytes(addresses.get(r.clientIp()));
            book.flag(r.sessionId().hashCode(), now, now - p.nat().window().toMillis());
            addresses.put(r.clientIp(), book.toBytes());
        }
        actors.put(key, state.toBytes());
    }

    private void processClient(LogRecord r, RequestEvent event, DetectionPolicy p, long now) {
        // passive sources have no cookie at all: the address and user agent is the best actor they offer
        RequestEvent e = r.cookieState() == null ? event
                : RequestEvent.marker(now, (event.flags() & Signals.UNATTRIBUTED_MASK) | Signals.COOKIE_NEW);
        appendToClient(r, e, p, now);
    }

    private void appendToClient(LogRecord r, RequestEvent e, DetectionPolicy p, long now) {
        String key = clientKey(r);
        byte[] stored = actors.get(key);
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        state.append(e, now - p.retention().toMillis(), p.limits().eventsPerActor());
        if (!Signals.has(e.flags(), Signals.RETURNED)) {
            for (Finding f : ActorRules.evaluate(state, e, p)) {
                state.quietUntil(f.rule().ordinal(), now + f.duration().toMillis());
                emit(f, "ip", r.clientIp(), addressCap(r.clientIp(), p, now), now);
            }
        }
        actors.put(key, state.toBytes());
    }

    /** Tells the address book about a returning session, and the cross-address rules when its address changed. */
    private void noteAddress(LogRecord r, ActorState state, DetectionPolicy p, long now) {
        boolean moved = !r.clientIp().equals(state.lastIp());
        if (!moved && now - state.ipNotedAt() < p.nat().window().toMillis() / 2) {
            return;
        }
        AddressBook book = AddressBook.fromBytes(addresses.get(r.clientIp()));
        book.noteSession(r.sessionId().hashCode(), now, now - p.nat().window().toMillis());
        addresses.put(r.clientIp(), book.toBytes());
        state.notedIp(r.clientIp(), now);
        if (moved && p.rule(RuleName.SESSION_SHARED) != null) {
            context.forward(new Record<>("session|" + r.sessionId(),
                    new Emission.Crossed(new Signal(r.clientIp(), now, false, false)), now));
        }
    }

    private Action addressCap(String ip, DetectionPolicy p, long now) {
        AddressBook book = AddressBook.fromBytes(addresses.get(ip));
        int wellBehaved = book.wellBehaved(now - p.nat().window().toMillis());
        return wellBehaved >= p.nat().minWellBehavedSessions() ? Action.CHALLENGE : Action.BLOCK;
    }

    private void emitLoginSignals(LogRecord r, RequestEvent event, DetectionPolicy p, long now) {
        RuleSettings rule = p.rule(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED);
        if (rule == null) {
            return;
        }
        Signal signal = new Signal(r.clientIp(), now, true, Signals.has(event.flags(), Signals.LOGIN_FAIL));
        List<String> keys = new ArrayList<>(3);
        if (rule.scopes().contains("ja4") && r.ja4() != null && !r.ja4().isBlank()) {
            keys.add("ja4|" + r.ja4());
        }
        if (rule.scopes().contains("user_agent") && r.userAgent() != null && !r.userAgent().isBlank()) {
            keys.add("user_agent|" + r.userAgent());
        }
        if (rule.scopes().contains("cidr")) {
            String network = Networks.of(r.clientIp());
            if (network != null) {
                keys.add("cidr|" + network);
            }
        }
        for (String key : keys) {
            context.forward(new Record<>(key, new Emission.Crossed(signal), now));
        }
    }

    private void emit(Finding f, String scope, String value, Action cap, long now) {
        Candidate c = new Candidate(f.rule().key(), scope, value, f.action().wire(), cap.wire(),
                f.duration().toString(), f.reason(), now, f.evidence());
        context.forward(new Record<>(scope + "|" + value, new Emission.Found(c), now));
    }

    private static String clientKey(LogRecord r) {
        String ua = r.userAgent() == null ? "" : r.userAgent();
        return "c|" + r.clientIp() + "|" + Integer.toHexString(ua.hashCode());
    }

    /** Forgets actors and addresses not seen for longer than the policy's retention (stream time). */
    private void expire(long streamTime) {
        long oldest = streamTime - policy.get().retention().toMillis();
        int staleActors = StaleEntries.delete(actors, ActorState::lastSeenOf, oldest);
        int staleAddresses = StaleEntries.delete(addresses, bytes -> AddressBook.fromBytes(bytes).lastSeen(), oldest);
        if (staleActors > 0 || staleAddresses > 0) {
            log.debug("expired {} actors and {} addresses", staleActors, staleAddresses);
        }
    }
}
