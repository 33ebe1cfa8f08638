package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.BlastRadiusSettings;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.EscalationSettings;
import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns candidates into detections and decisions. A candidate already covered by an active decision of equal or
 * stronger action is dropped (unless the actor's session passed a challenge since: then it is a new offence);
 * otherwise it is an offence, and repeat offences within the escalation memory last longer and then become
 * blocks, never beyond the candidate's cap. A session's passed challenges count as offences already paid for.
 * Candidates on shared attributes ({@link BlastRadius#SHARED_SCOPES}) arrive on one task, beside the well-behaved
 * session reports: they are always sessionless, never more than a challenge, and weighed by their blast radius:
 * too wide, they are narrowed to their route, or refused. {@code route} decisions (under-attack mode) are renewed
 * while their surge lasts and never escalate. Decisions whose expiry has already passed by the injected clock (a
 * replay of old logs) are not published, nor are decisions that would replace an administrator's standing
 * decision on the same key; the detection still is.
 */
final class EscalationProcessor implements Processor<String, ToEscalation, String, Outcome> {

    private static final Logger log = LoggerFactory.getLogger(EscalationProcessor.class);
    static final String STORE = "offences";
    /** The repartition key of shared-attribute candidates and well-behaved session reports. */
    static final String BLAST_KEY = "blast-radius";

    private final Supplier<DetectionPolicy> policy;
    private final Clock clock;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, String> decisions;
    private BlastRadius blastRadius;

    EscalationProcessor(Supplier<DetectionPolicy> policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.decisions = context.getStateStore(AdminDecisions.STORE);
        this.blastRadius = new BlastRadius(context.getStateStore(BlastRadius.STORE));
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME,
                t -> blastRadius.expire(t, policy.get().blastRadius()));
    }

    /** The repartition key that brings a candidate to its escalation task. */
    static String partitionKey(Candidate c) {
        return BlastRadius.SHARED_SCOPES.contains(c.scope()) ? BLAST_KEY : c.scope() + "|" + c.value();
    }

    @Override
    public void process(Record<String, ToEscalation> record) {
        ToEscalation in = record.value();
        if (in == null) {
            return;
        }
        DetectionPolicy p = policy.get();
        if (in.good() != null) {
            blastRadius.note(in.good(), p.blastRadius());
            return;
        }
        Candidate c = in.candidate();
        if (c == null) {
            return;
        }
        String note = "";
        if (BlastRadius.SHARED_SCOPES.contains(c.scope())) {
            c = c.narrowed(true, null, Action.weaker(Action.fromWire(c.cap()), Action.CHALLENGE).wire(), c.reason());
            BlastRadius.Estimate estimate = blastRadius.estimate(c.scope(), c.value(), c.detectedAt(), p.blastRadius());
            String route = in.candidate().route();
            boolean campaign = "campaign".equals(c.scope());
            // A campaign key is narrow by construction (browser, header order, language, TLS): it keeps to a route
            // only when people in good standing share it. Any other shared attribute always keeps to its route.
            if (route != null && (!campaign || estimate.tooWide(p.blastRadius()))) {
                // A shared attribute (a user agent, a network) with the attacker's route: keep to the route, whatever
                // the estimate, so a few hundred framed failures never reach the pages real visitors browse.
                c = c.narrowed(true, route, c.cap(), c.reason());
                note = " (narrowed to sessionless " + route + ": would touch " + estimate.describe() + ")";
            } else if (estimate.tooWide(p.blastRadius()) || (!campaign && estimate.unweighable(p.blastRadius()))) {
                refuse(c, estimate, p.blastRadius());
                return;
            }
        }
        escalate(c, note, p.escalation());
    }

    private void escalate(Candidate c, String note, EscalationSettings e) {
        long now = c.detectedAt();
        String actor = c.scope() + "|" + c.value();
        Action action = Action.fromWire(c.action());
        Duration base = Duration.parse(c.duration());
        OffenceRecord offences = OffenceRecord.fromBytes(store.get(actor));
        offences.forgetBefore(now - e.memory().toMillis());
        boolean routeMode = "route".equals(c.scope());
        boolean passedSince = c.passCount() > offences.passes();
        if (routeMode ? offences.activeBeyond(now + base.toMillis() / 2) : !passedSince && offences.covers(action, now)) {
            return;
        }
        int offence = routeMode ? 1 : Math.max(offences.count() + 1, c.passCount() + 1);
        Duration duration = routeMode ? base : escalatedDuration(base, offence, e);
        if (action == Action.CHALLENGE && offence >= e.blockAfterOffenses()) {
            action = Action.BLOCK;
        }
        action = Action.weaker(action, Action.fromWire(c.cap()));
        long until = now + duration.toMillis();
        offences.add(now, until, action);
        offences.notePasses(c.passCount());
        store.put(actor, offences.toBytes());
        context.forward(new Record<>(actor, outcome(c, action, duration, offence, until, note), now));
    }

    /** Publishes the detection alone: no decision narrow enough exists. */
    private void refuse(Candidate c, BlastRadius.Estimate estimate, BlastRadiusSettings s) {
        String reason = c.reason() + " (no decision published: it would touch " + estimate.describe()
                + ", over the blast-radius bound of " + s.maxShare() * 100 + "% or " + s.maxSessions()
                + " sessions (at least " + s.minSampleOrDefault() + " needed to weigh it), and no route narrows it)";
        Detection detection = new Detection(c.rule(), c.scope(), c.value(), c.action(), c.duration(), reason,
                Instant.ofEpochMilli(c.detectedAt()).toString(), c.evidence(), null, null, null, Boolean.TRUE, null);
        log.info("detection rule={} scope={} refused: blast radius {}", c.rule(), c.scope(), estimate.describe());
        context.forward(new Record<>(c.scope() + "|" + c.value(), new Outcome(detection, null), c.detectedAt()));
    }

    private Outcome outcome(Candidate c, Action action, Duration duration, int offence, long until, String note) {
        boolean sessionless = c.isSessionless();
        String key = Decision.key("decision", c.scope(), c.value(), sessionless, c.route());
        String id = UUID.nameUUIDFromBytes((key + "|" + c.rule() + "|" + c.detectedAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
        String reason = (offence > 1 ? c.reason() + " (offence " + offence + ")" : c.reason()) + note;
        String createdAt = Instant.ofEpochMilli(c.detectedAt()).toString();
        String expiresAt = Instant.ofEpochMilli(until).toString();
        boolean live = until > clock.millis();
        if (live && AdminDecisions.standing(decisions, key, clock.millis())) {
            live = false;
            reason = reason + " (no decision published: an administrator's decision stands)";
        }
        Boolean qualifier = sessionless ? Boolean.TRUE : null;
        Decision decision = live ? new Decision(id, "decision", c.scope(), c.value(), action.wire(), reason,
                "detection:" + c.rule(), createdAt, expiresAt, qualifier, c.route()) : null;
        Detection detection = new Detection(c.rule(), c.scope(), c.value(), action.wire(), duration.toString(),
                reason, createdAt, c.evidence(), live ? id : null, offence, expiresAt, qualifier, c.route());
        log.info("detection rule={} scope={} action={} duration={} offence={} sessionless={} route={}", c.rule(),
                c.scope(), action.wire(), duration, offence, sessionless, c.route());
        return new Outcome(detection, decision);
    }

    static Duration escalatedDuration(Duration base, int offence, EscalationSettings e) {
        double factor = Math.pow(e.durationFactor(), offence - 1);
        long millis = (long) Math.min(base.toMillis() * factor, (double) Long.MAX_VALUE / 2);
        long cap = Math.max(e.maxDuration().toMillis(), base.toMillis());
        return Duration.ofMillis(Math.min(millis, cap));
    }

    private void expire(long streamTime) {
        DetectionPolicy p = policy.get();
        StaleEntries.delete(store, bytes -> OffenceRecord.fromBytes(bytes).lastActivity(),
                streamTime - p.escalation().memory().toMillis());
        StaleEntries.bound(store, bytes -> OffenceRecord.fromBytes(bytes).lastActivity(), p.limits().maxEntries());
    }
}
