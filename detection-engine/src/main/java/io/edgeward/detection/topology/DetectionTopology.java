package io.edgeward.detection.topology;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.JsonSerde;
import io.edgeward.detection.topics.LogRecordSerde;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The detection topology:
 * <pre>
 * edgeward.logs (key clientIp) ─► actors ─┬─ candidates, well-behaved sessions ──────┐
 *                                         └─ signals ─► repartition ─► cross ─────┴─► repartition ─► escalation
 *                                                                                      ├─► edgeward.detections
 *                                                                                      └─► edgeward.decisions
 * edgeward.decisions ─► decisions-seen (global store: escalation publishes no decision over an administrator's)
 * </pre>
 * Candidates on shared attributes and well-behaved session reports share one repartition key, so the escalation
 * task that weighs a decision's blast radius holds the sessions it would touch.
 * Record timestamps (request time) drive every window, so a replay of historical logs gives the same detections.
 * The policy is read through {@code policy} on every evaluation, so a reload applies to the next record.
 */
public final class DetectionTopology {

    private DetectionTopology() {
    }

    /** The topology with every store backed by a changelog topic. */
    public static Topology build(Supplier<DetectionPolicy> policy, Clock clock, Topics topics) {
        return build(policy, clock, topics, true);
    }

    /**
     * @param windowChangelogs whether the short-window stores (actors, addresses, cross) have changelog topics.
     *                         Without them those stores live only in local RocksDB: a restart on the same state
     *                         directory keeps them, a task moving to another instance starts them empty and loses
     *                         at most one window of context. The offence store (escalation memory) always has one.
     */
    public static Topology build(Supplier<DetectionPolicy> policy, Clock clock, Topics topics,
                                 boolean windowChangelogs) {
        return build(policy, clock, topics, windowChangelogs ? Storage.CHANGELOGGED : Storage.LOCAL);
    }

    /** Where the stores live. */
    public enum Storage {
        /** RocksDB, every store with a changelog topic. */
        CHANGELOGGED,
        /** RocksDB, only the offence store with a changelog topic. */
        LOCAL,
        /** In memory, no changelog: an offline replay ({@code ./edgeward backtest}), which keeps nothing. */
        MEMORY
    }

    public static Topology build(Supplier<DetectionPolicy> policy, Clock clock, Topics topics, Storage storage) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(ActorProcessor.ACTORS, storage, false));
        builder.addStateStore(store(ActorProcessor.ADDRESSES, storage, false));
        builder.addStateStore(store(CrossProcessor.STORE, storage, false));
        builder.addStateStore(store(ActorProcessor.RATES, storage, false));
        builder.addStateStore(store(EscalationProcessor.STORE, storage, true));
        builder.addStateStore(store(BlastRadius.STORE, storage, false));
        builder.addGlobalStore(AdminDecisions.store(), topics.decisions(),
                Consumed.with(Serdes.String(), Serdes.String()).withName("decisions-in"), AdminDecisions.Updater::new);

        KStream<String, Emission> emissions = builder
                .stream(topics.logs(), Consumed.with(Serdes.String(), new LogRecordSerde())
                        .withName("logs"))
                .process(() -> new ActorProcessor(policy), Named.as("actors"), ActorProcessor.ACTORS,
                        ActorProcessor.ADDRESSES, ActorProcessor.RATES);

        KStream<String, ToEscalation> actorCandidates = emissions
                .filter((key, e) -> e instanceof Emission.Found || e instanceof Emission.Good,
                        Named.as("actor-candidates"))
                .map((key, e) -> e instanceof Emission.Found f
                        ? KeyValue.pair(EscalationProcessor.partitionKey(f.candidate()),
                        new ToEscalation(f.candidate(), null))
                        : KeyValue.pair(EscalationProcessor.BLAST_KEY,
                        new ToEscalation(null, ((Emission.Good) e).session())), Named.as("actor-candidate-values"));

        KStream<String, Candidate> crossCandidates = emissions
                .filter((key, e) -> e instanceof Emission.Crossed, Named.as("signals"))
                .mapValues(e -> ((Emission.Crossed) e).signal(), Named.as("signal-values"))
                .repartition(Repartitioned.with(Serdes.String(), new SignalSerde()).withName("signals"))
                .process(() -> new CrossProcessor(policy), Named.as("cross"), CrossProcessor.STORE);

        KStream<String, Outcome> outcomes = actorCandidates
                .merge(crossCandidates.map((key, c) -> KeyValue.pair(EscalationProcessor.partitionKey(c),
                        new ToEscalation(c, null)), Named.as("cross-candidate-values")), Named.as("all-candidates"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(ToEscalation.class))
                        .withName("candidates"))
                .process(() -> new EscalationProcessor(policy, clock), Named.as("escalation"),
                        EscalationProcessor.STORE, BlastRadius.STORE);

        outcomes.mapValues(Outcome::detection, Named.as("detections"))
                .to(topics.detections(), Produced.with(Serdes.String(), new JsonSerde<>(Detection.class))
                        .withName("detections-out"));
        outcomes.filter((key, o) -> o.decision() != null, Named.as("live-decisions"))
                .map((key, o) -> KeyValue.pair(o.decision().key(), o.decision()), Named.as("decision-keys"))
                .to(topics.decisions(), Produced.with(Serdes.String(), new JsonSerde<>(Decision.class))
                        .withName("decisions-out"));
        return builder.build();
    }

    private static StoreBuilder<KeyValueStore<String, byte[]>> store(String name, Storage storage,
                                                                     boolean alwaysLogged) {
        boolean memory = storage == Storage.MEMORY;
        StoreBuilder<KeyValueStore<String, byte[]>> builder = Stores.keyValueStoreBuilder(
                memory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name), Serdes.String(),
                Serdes.ByteArray());
        boolean changelog = !memory && (alwaysLogged || storage == Storage.CHANGELOGGED);
        return changelog ? builder : builder.withLoggingDisabled();
    }
}
