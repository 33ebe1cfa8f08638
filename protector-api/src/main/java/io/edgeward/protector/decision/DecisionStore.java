package io.edgeward.protector.decision;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The decisions and allowlist entries in memory, as materialized from the decisions topic.
 *
 * <p>One writer (the materializer) and many readers (checks). Lookups never allocate more than a masked
 * address per CIDR prefix length in use. Expired entries are ignored by lookups at once (by the injected
 * {@link Clock}) and dropped from memory by {@link #purgeExpired()}.
 */
public final class DecisionStore {

    private final Clock clock;
    private final Map<ListKind, Lists> lists = new EnumMap<>(ListKind.class);
    private final Map<String, Decision> byId = new ConcurrentHashMap<>();

    public DecisionStore(Clock clock) {
        this.clock = clock;
        for (ListKind list : ListKind.values()) {
            lists.put(list, new Lists());
        }
    }

    /** Stores or replaces the entry with the decision's key. */
    public void put(Decision decision) {
        Lists l = lists.get(decision.list());
        Decision previous = decision.scope() == Scope.CIDR
                ? l.putCidr(Cidr.parse(decision.value()), decision)
                : l.exact.get(decision.scope()).put(decision.value(), decision);
        if (previous != null && !previous.id().equals(decision.id())) {
            byId.remove(previous.id(), previous);
        }
        byId.put(decision.id(), decision);
    }

    /** Removes the entry with this key, if any (a tombstone). */
    public void remove(DecisionKey key) {
        Lists l = lists.get(key.list());
        Decision removed = key.scope() == Scope.CIDR
                ? l.removeCidr(Cidr.parse(key.value()))
                : l.exact.get(key.scope()).remove(key.value());
        if (removed != null) {
            byId.remove(removed.id(), removed);
        }
    }

    /** The first active entry of {@code list} matching the subject, in scope order. */
    public Optional<Decision> match(ListKind list, Subject subject) {
        Lists l = lists.get(list);
        Instant now = clock.instant();
        for (Scope scope : Scope.values()) {
            Decision found = scope == Scope.CIDR ? l.matchCidr(subject.ipBytes(), now) : l.matchExact(scope, subject, now);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public Optional<Decision> activeById(String id) {
        Decision d = byId.get(id);
        return d != null && d.isActiveAt(clock.instant()) ? Optional.of(d) : Optional.empty();
    }

    /** Active entries of a list, optionally filtered by scope and canonical value, oldest first. */
    public List<Decision> active(ListKind list, Scope scope, String value) {
        Instant now = clock.instant();
        List<Decision> out = new ArrayList<>();
        for (Decision d : byId.values()) {
            if (d.list() == list && d.isActiveAt(now)
                    && (scope == null || d.scope() == scope)
                    && (value == null || d.value().equals(value))) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(Decision::createdAt).thenComparing(Decision::id));
        return out;
    }

    public int size() {
        return byId.size();
    }

    /** Drops expired entries from memory; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = 0;
        for (Decision d : List.copyOf(byId.values())) {
            if (!d.isActiveAt(now)) {
                remove(d.key());
                purged++;
            }
        }
        return purged;
    }

    /** The entries of one list: a map per exact-match scope, and CIDRs indexed by prefix length, longest first. */
    private static final class Lists {
        final Map<Scope, Map<String, Decision>> exact = new EnumMap<>(Scope.class);
        final Map<Integer, Map<String, Decision>> cidrsV4 = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
        final Map<Integer, Map<String, Decision>> cidrsV6 = new ConcurrentSkipListMap<>(Comparator.reverseOrder());

        Lists() {
            for (Scope scope : Scope.values()) {
                if (scope != Scope.CIDR) {
                    exact.put(scope, new ConcurrentHashMap<>());
                }
            }
        }

        Decision matchExact(Scope scope, Subject subject, Instant now) {
            String value = subject.valueFor(scope);
            if (value == null) {
                return null;
            }
            Decision d = exact.get(scope).get(value);
            return d != null && d.isActiveAt(now) ? d : null;
        }

        Decision matchCidr(byte[] ip, Instant now) {
            if (ip == null) {
                return null;
            }
            for (Map.Entry<Integer, Map<String, Decision>> byPrefix : family(ip.length).entrySet()) {
                Decision d = byPrefix.getValue().get(networkKey(Cidr.mask(ip, byPrefix.getKey())));
                if (d != null && d.isActiveAt(now)) {
                    return d;
                }
            }
            return null;
        }

        Decision putCidr(Cidr cidr, Decision decision) {
            return family(cidr.network().length)
                    .computeIfAbsent(cidr.prefixLength(), p -> new ConcurrentHashMap<>())
                    .put(networkKey(cidr.network()), decision);
        }

        Decision removeCidr(Cidr cidr) {
            Map<String, Decision> byNetwork = family(cidr.network().length).get(cidr.prefixLength());
            return byNetwork == null ? null : byNetwork.remove(networkKey(cidr.network()));
        }

        private Map<Integer, Map<String, Decision>> family(int addressLength) {
            return addressLength == 4 ? cidrsV4 : cidrsV6;
        }

        private static String networkKey(byte[] network) {
            return new String(network, StandardCharsets.ISO_8859_1);
        }
    }
}
