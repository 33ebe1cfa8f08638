package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
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
 * Turns candidates (keyed {@code scope|value}) into detections and decisions. A candidate already covered by an
 * active decision of equal or stronger action is dropped; otherwise it is an offence, and repeat offences within
 * the escalation memory last longer and then become blocks, never beyond the candidate's cap. Decisions whose expiry
 * has already passed by the injected clock (a replay of old logs) are not published, nor are decisions that would
 * replace an administrator's standing decision on the same scope and value; the detection still is.
 */
final class EscalationProcessor implements Processor<String, Candidate, String, Outcome> {

    private static final Logger log = LoggerFactory.getLogger(EscalationProcessor.class);
    static final String STORE = "offences";

    private final Supplier<DetectionPolicy> policy;
    private final Clock clock;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, String> decisions;

    EscalationProcessor(Supplier<DetectionPolicy> policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.decisions = context.getStateStore(AdminDecisions.STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Candidate> record) {
        Candidate c = record.value();
        if (c == null) {
            return;
        }
        EscalationSettings e = policy.get().escalation();
        long now = c.detectedAt();
        Action action = Action.fromWire(c.action());
        OffenceRecord offences = OffenceRecord.fromBytes(store.get(record.key()));
        offences.forgetBefore(now - e.memory().toMillis());
        if (offences.covers(action, now)) {
            return;
        }
        int offence = offences.count() + 1;
        Duration duration = escalatedDuration(Duration.parse(c.duration()), offence, e);
        if (action == Action.CHALLENGE && offence >= e.blockAfterOffenses()) {
            action = Action.BLOCK;
        }
        action = Action.weaker(action, Action.fromWire(c.cap()));
        long until = now + duration.toMillis();
        offences.add(now, until, action);
        store.put(record.key(), offences.toBytes());
        context.forward(new Record<>(record.key(), outcome(c, action, duration, offence, until), now));
    }

    private Outcome outcome(Candidate c, Action action, Duration duration, int offence, long until) {
        String id = UUID.nameUUIDFromBytes((c.scope() + "|" + c.value() + "|" + c.rule() + "|" + c.detectedAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
        String reason = offence > 1 ? c.reason() + " (offence " + offence + ")" : c.reason();
        String createdAt = Instant.ofEpochMilli(c.detectedAt()).toString();
        String expiresAt = Instant.ofEpochMilli(until).toString();
        boolean live = until > clock.millis();
        if (live && AdminDecisions.standing(decisions, "decision|" + c.scope() + "|" + c.value(), clock.millis())) {
            live = false;
            reason = reason + " (no decision published: an administrator's decision stands)";
        }
        Decision decision = live ? new Decision(id, "decision", c.scope(), c.value(), action.wire(), reason,
                "detection:" + c.rule(), createdAt, expiresAt) : null;
        Detection detection = new Detection(c.rule(), c.scope(), c.value(), action.wire(), duration.toString(),
                reason, createdAt, c.evidence(), live ? id : null, offence, expiresAt);
        log.info("detection rule={} scope={} action={} duration={} offence={}", c.rule(), c.scope(), action.wire(),
                duration, offence);
        return new Outcome(detection, decision);
    }

    static Duration escalatedDuration(Duration base, int offence, EscalationSettings e) {
        double factor = Math.pow(e.durationFactor(), offence - 1);
        long millis = (long) Math.min(base.toMillis() * factor, (double) Long.MAX_VALUE / 2);
        long cap = Math.max(e.maxDuration().toMillis(), base.toMillis());
        return Duration.ofMillis(Math.min(millis, cap));
    }

    private void expire(long streamTime) {
        StaleEntries.delete(store, bytes -> OffenceRecord.fromBytes(bytes).lastActivity(),
                streamTime - policy.get().escalation().memory().toMillis());
    }
}
