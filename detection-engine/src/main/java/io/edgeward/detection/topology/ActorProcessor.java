package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RateBudget;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.rules.ActorRules;
import io.edgeward.detection.rules.ActorState;
import io.edgeward.detection.rules.Finding;
import io.edgeward.detection.rules.RateCounters;
import io.edgeward.detection.rules.RateRules;
import io.edgeward.detection.rules.RequestClassifier;
import io.edgeward.detection.rules.RequestEvent;
import io.edgeward.detection.rules.Signals;
import io.edgeward.detection.topics.LogRecord;
import io.edgeward.detection.topics.RecordField;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
 * otherwise its address and user agent), updates that actor's state, runs the actor rules and the rate budgets,
 * and emits candidates, cross-address signals ({@link SharedSignals}) and well-behaved session reports. Actor
 * findings are scoped to the session, or to the address when there is no session; an address shared by
 * well-behaved sessions gets at most a sessionless challenge.
 */
final class ActorProcessor implements Processor<String, LogRecord, String, Emission> {

    private static final Logger log = LoggerFactory.getLogger(ActorProcessor.class);
    static final String ACTORS = "actors";
    static final String ADDRESSES = "addresses";
    static final String RATES = "rates";

    private final Supplier<DetectionPolicy> policy;
    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, byte[]> actors;
    private KeyValueStore<String, byte[]> addresses;
    private KeyValueStore<String, byte[]> rates;
    private SharedSignals shared;
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
        this.rates = context.getStateStore(RATES);
        this.shared = new SharedSignals(context);
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
        RequestClassifier.Classified c = classifier.classified(r, now);
        RequestEvent event = c.event();
        boolean asset = Signals.has(event.flags(), Signals.ASSET);
        if (r.hasReturningSession()) {
            processSession(r, c, p, now);
        } else {
            processClient(r, c, p, now);
        }
        if (!asset) {
            countForKey(r, c, p, RateBudget.Per.ADDRESS, r.clientIp(), now);
            if (RateRules.any(p.budgets(), RateBudget.Per.NETWORK)) {
                String network = NetworkScope.of(r.clientIp());
                if (network != null) {
                    countForKey(r, c, p, RateBudget.Per.NETWORK, network, now);
                }
            }
            if (r.fromEdge() && !r.hasReturningSession()) {
                shared.sessionless(r, c, p, now);
            }
            if (r.fromEdge() && !established(r, p, now)) {
                shared.surge(r, c, p, now);
            }
        }
        if (Signals.has(event.flags(), Signals.LOGIN_ATTEMPT)) {
            shared.login(r, c, event, p, now);
        }
    }

    /**
     * An established session (C7 as the log record shows it): it came back with its cookie and either passed a
     * challenge or was issued at least {@code blastRadius.minAge} ago. A record without {@code sessionIssuedAt}
     * (an edge from before C8) counts a returning session as established, as before.
     */
    static boolean established(LogRecord r, DetectionPolicy p, long now) {
        if (!r.hasReturningSession()) {
            return false;
        }
        return r.passes() > 0 || r.sessionIssuedAt() == null
                || now - r.sessionIssuedAt() * 1000 >= p.blastRadius().minAge().toMillis();
    }

    private void processSession(LogRecord r, RequestClassifier.Classified c, DetectionPolicy p, long now) {
        RequestEvent event = c.event();
        String key = "s|" + r.sessionId();
        byte[] stored = actors.get(key);
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        state.notePasses(r.passes());
        state.append(event, now - p.retention().toMillis(), p.limits().eventsPerActor());
        if (stored == null) {
            // the visitor took the cookie minted on an earlier cookieless request: evidence against refusal
            appendToClient(r, RequestEvent.marker(now, Signals.RETURNED), c.observed(), p, now);
            shared.returned(r, now);
        }
        noteAddress(r, state, p, now);
        List<Finding> findings = ActorRules.evaluate(state, event, p, c.observed());
        boolean flagged = !findings.isEmpty();
        for (Finding f : findings) {
            state.quietUntil(f.rule().ordinal(), now + f.duration().toMillis());
            emit(new Candidate(f.rule().key(), "session", r.sessionId(), f.action().wire(), Action.BLOCK.wire(),
                    f.duration().toString(), f.reason(), now, f.evidence(), null, null, state.passes()), now);
        }
        if (!Signals.has(event.flags(), Signals.ASSET)) {
            for (RateRules.Exceeded x : RateRules.count(state.rates(), p.budgets(), RateBudget.Per.SESSION,
                    r.method(), c.path(), now)) {
                flagged = true;
                emit(budgetCandidate(x, "session", r.sessionId(), Action.BLOCK, false, state.passes(), now), now);
            }
        }
        if (flagged) {
            state.flag();
            AddressBook book = AddressBook.fromBytes(addresses.get(r.clientIp()));
            book.flag(r.sessionId().hashCode(), now, now - p.nat().window().toMillis());
            addresses.put(r.clientIp(), book.toBytes());
        } else if (isWellBehaved(state, r, event, p, now)) {
            state.goodNoted(now);
            context.forward(new Record<>(EscalationProcessor.BLAST_KEY, new Emission.Good(shared.goodSession(r, now)),
                    now));
        }
        actors.put(key, state.toBytes());
    }

    /**
     * A session worth protecting: it has come back with its cookie for at least {@code blastRadius.minAge}, loaded
     * assets and tripped nothing. Reported on a page or API request (whose campaign key is the one a campaign
     * decision would carry), at most four times per blast-radius window.
     */
    private static boolean isWellBehaved(ActorState state, LogRecord r, RequestEvent event, DetectionPolicy p,
                                         long now) {
        if (state.flagged() || Signals.has(event.flags(), Signals.ASSET)) {
            return false;
        }
        long window = p.blastRadius().window().toMillis();
        if (state.goodNotedAt() > 0 && now - state.goodNotedAt() < window / 4) {
            return false;
        }
        long issued = r.sessionIssuedAt() != null ? r.sessionIssuedAt() * 1000 : state.firstSeen();
        return now - issued >= p.blastRadius().minAge().toMillis()
                && state.any(Signals.ASSET, now - p.retention().toMillis());
    }

    private void processClient(LogRecord r, RequestClassifier.Classified c, DetectionPolicy p, long now) {
        RequestEvent event = c.event();
        // passive sources have no cookie at all: the address and user agent is the best actor they offer
        RequestEvent e = r.cookieState() == null ? event
                : RequestEvent.marker(now, (event.flags() & Signals.UNATTRIBUTED_MASK) | Signals.COOKIE_NEW);
        appendToClient(r, e, c.observed(), p, now);
    }

    /** @param observed the fields the record's source can see, as the classifier read them */
    private void appendToClient(LogRecord r, RequestEvent e, Set<RecordField> observed, DetectionPolicy p, long now) {
        String key = clientKey(r);
        byte[] stored = actors.get(key);
        ActorState state = stored == null ? new ActorState() : ActorState.fromBytes(stored);
        state.append(e, now - p.retention().toMillis(), p.limits().eventsPerActor());
        if (!Signals.has(e.flags(), Signals.RETURNED)) {
            for (Finding f : ActorRules.evaluate(state, e, p, observed)) {
                state.quietUntil(f.rule().ordinal(), now + f.duration().toMillis());
                boolean natShared = natShared(r.clientIp(), p, now);
                emit(new Candidate(f.rule().key(), "ip", r.clientIp(), f.action().wire(),
                        (natShared ? Action.CHALLENGE : Action.BLOCK).wire(), f.duration().toString(), f.reason(),
                        now, f.evidence(), natShared ? Boolean.TRUE : null, null, null), now);
            }
        }
        actors.put(key, state.toBytes());
    }

    /** Address and network budgets, counted in the {@code rates} store. */
    private void countForKey(LogRecord r, RequestClassifier.Classified c, DetectionPolicy p, RateBudget.Per per,
                             String value, long now) {
        if (!RateRules.any(p.budgets(), per)) {
            return;
        }
        String key = (per == RateBudget.Per.ADDRESS ? "i|" : "n|") + value;
        RateCounters counters = RateCounters.fromBytes(rates.get(key));
        for (RateRules.Exceeded x : RateRules.count(counters, p.budgets(), per, r.method(), c.path(), now)) {
            if (per == RateBudget.Per.ADDRESS) {
                boolean natShared = natShared(value, p, now);
                emit(budgetCandidate(x, "ip", value, natShared ? Action.CHALLENGE : Action.BLOCK, natShared, 0, now),
                        now);
            } else {
                emit(budgetCandidate(x, "cidr", value, Action.BLOCK, true, 0, now), now);
            }
        }
        rates.put(key, counters.toBytes());
    }

    private static Candidate budgetCandidate(RateRules.Exceeded x, String scope, String value, Action cap,
                                             boolean sessionless, int passes, long now) {
        RateBudget b = x.budget();
        String route = b.route().isEverything() || "session".equals(scope) ? null : b.route().wire();
        return new Candidate(RuleName.RATE_ROUTE.key(), scope, value, b.action().wire(), cap.wire(),
                b.duration().toString(), b.reason(x.count()), now,
                java.util.Map.of("count", x.count(), "limit", b.limit(), "window", b.window().toString(),
                        "route", b.route().wire()),
                sessionless ? Boolean.TRUE : null, route, passes);
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
                    new Emission.Crossed(new Signal(r.clientIp(), now, 0, null)), now));
        }
    }

    /** Many well-behaved sessions share this address (a NAT, a campus): it gets sessionless challenges at most. */
    private boolean natShared(String ip, DetectionPolicy p, long now) {
        AddressBook book = AddressBook.fromBytes(addresses.get(ip));
        return book.wellBehaved(now - p.nat().window().toMillis()) >= p.nat().minWellBehavedSessions();
    }

    private void emit(Candidate c, long now) {
        context.forward(new Record<>(c.scope() + "|" + c.value(), new Emission.Found(c), now));
    }

    private static String clientKey(LogRecord r) {
        String ua = r.userAgent() == null ? "" : r.userAgent();
        return "c|" + r.clientIp() + "|" + Integer.toHexString(ua.hashCode());
    }

    /** Forgets actors, addresses and rate counters not seen within the retention, then enforces the bounds. */
    private void expire(long streamTime) {
        DetectionPolicy p = policy.get();
        long oldest = streamTime - p.retention().toMillis();
        int staleActors = StaleEntries.delete(actors, ActorState::lastSeenOf, oldest);
        int staleAddresses = StaleEntries.delete(addresses, bytes -> AddressBook.fromBytes(bytes).lastSeen(), oldest);
        long longestBudget = p.budgets().stream().mapToLong(b -> b.window().toMillis() * 2 + b.duration().toMillis())
                .max().orElse(0);
        int staleRates = StaleEntries.delete(rates, RateCounters::lastSeenOf, streamTime - longestBudget);
        int max = p.limits().maxEntries();
        int evicted = StaleEntries.bound(actors, ActorState::lastSeenOf, max)
                + StaleEntries.bound(addresses, bytes -> AddressBook.fromBytes(bytes).lastSeen(), max)
                + StaleEntries.bound(rates, RateCounters::lastSeenOf, max);
        if (staleActors + staleAddresses + staleRates + evicted > 0) {
            log.debug("expired {} actors, {} addresses, {} rate counters; evicted {} over the bound", staleActors,
                    staleAddresses, staleRates, evicted);
        }
    }
}
