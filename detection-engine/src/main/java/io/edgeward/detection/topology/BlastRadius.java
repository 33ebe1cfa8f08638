package io.edgeward.detection.topology;

import io.edgeward.detection.policy.BlastRadiusSettings;
import java.nio.ByteBuffer;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The recent well-behaved sessions and their attributes (store {@value #STORE}, one entry per session, on the
 * escalation task that owns {@link EscalationProcessor#BLAST_KEY}): what a decision on a shared attribute would
 * touch. Bounded by {@code blastRadius.window} (entries not reported again within it are deleted) and by
 * {@code blastRadius.maxTrackedSessions}: when full, sessions not yet tracked are not added until entries expire
 * (the sessions already counted keep the estimate conservative).
 */
final class BlastRadius {

    static final String STORE = "good-sessions";
    /** Attributes many people share: decisions on them are weighed here, sessionless and never blocks. */
    static final Set<String> SHARED_SCOPES = Set.of("user_agent", "ja4", "cidr", "asn", "country", "campaign");

    private final KeyValueStore<String, byte[]> store;
    private long entries;

    BlastRadius(KeyValueStore<String, byte[]> store) {
        this.store = store;
        this.entries = store.approximateNumEntries();
    }

    /** How many tracked well-behaved sessions a decision would touch, of how many. */
    record Estimate(int touched, int total) {

        boolean tooWide(BlastRadiusSettings s) {
            return touched > 0 && (touched > s.maxShare() * total || touched >= s.maxSessions());
        }

        /** Too few well-behaved sessions tracked to know who else shares the attribute. */
        boolean unweighable(BlastRadiusSettings s) {
            return total < s.minSampleOrDefault();
        }

        String describe() {
            double share = total == 0 ? 0 : 100.0 * touched / total;
            return touched + " of " + total + " well-behaved sessions ("
                    + String.format(java.util.Locale.ROOT, "%.1f", share) + "%)";
        }
    }

    void note(GoodSession g, BlastRadiusSettings s) {
        String key = Integer.toHexString(g.session());
        if (store.get(key) == null) {
            if (entries >= s.maxTrackedSessions()) {
                return;
            }
            entries++;
        }
        store.put(key, ByteBuffer.allocate(8 + 6 * 4).putLong(g.time()).putInt(g.userAgent()).putInt(g.ja4())
                .putInt(g.cidr()).putInt(g.asn()).putInt(g.country()).putInt(g.campaign()).array());
    }

    Estimate estimate(String scope, String value, long now, BlastRadiusSettings s) {
        int hash = GoodSession.hash(value);
        int offset = switch (scope) {
            case "user_agent" -> 8;
            case "ja4" -> 12;
            case "cidr" -> 16;
            case "asn" -> 20;
            case "country" -> 24;
            default -> 28;
        };
        long from = now - s.window().toMillis();
        int touched = 0;
        int total = 0;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                ByteBuffer b = ByteBuffer.wrap(all.next().value);
                if (b.getLong(0) >= from) {
                    total++;
                    if (b.getInt(offset) == hash) {
                        touched++;
                    }
                }
            }
        }
        return new Estimate(touched, total);
    }

    void expire(long streamTime, BlastRadiusSettings s) {
        StaleEntries.delete(store, bytes -> ByteBuffer.wrap(bytes).getLong(0), streamTime - s.window().toMillis());
        entries = store.approximateNumEntries();
    }
}
