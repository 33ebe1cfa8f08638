package io.edgeward.protector.decision;

import io.edgeward.env.net.Cidr;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The entries of one list (decisions or allowlist), indexed for lookup: a map per exact-match scope keyed by
 * {@link CompactKeys}, CIDRs by prefix length (longest first) keyed by their network, routes keyed by
 * {@link RouteSpec}. Each value is the chain of entries for that key. Lock-free reads; {@link DecisionStore}
 * serializes writes.
 */
final class DecisionIndex {
    final Map<Scope, Map<Object, StoredDecision>> exact = new EnumMap<>(Scope.class);
    final Map<Integer, Map<Object, StoredDecision>> cidrsV4 = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    final Map<Integer, Map<Object, StoredDecision>> cidrsV6 = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    final Map<Object, StoredDecision> routes = new ConcurrentHashMap<>();

    DecisionIndex() {
        for (Scope scope : Scope.values()) {
            if (scope != Scope.CIDR && scope != Scope.ROUTE) {
                exact.put(scope, new ConcurrentHashMap<>());
            }
        }
    }

    Map<Object, StoredDecision> cidrs(int addressLength, int prefix, boolean create) {
        Map<Integer, Map<Object, StoredDecision>> family = addressLength == 4 ? cidrsV4 : cidrsV6;
        return create ? family.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>()) : family.get(prefix);
    }

    StoredDecision matchCidr(byte[] ip, long now, Predicate<StoredDecision> applies) {
        if (ip == null) {
            return null;
        }
        for (Map.Entry<Integer, Map<Object, StoredDecision>> byPrefix : (ip.length == 4 ? cidrsV4 : cidrsV6).entrySet()) {
            StoredDecision head = byPrefix.getValue().get(CompactKeys.address(Cidr.mask(ip, byPrefix.getKey())));
            StoredDecision d = Chains.first(head, now, applies);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    StoredDecision matchRoute(Subject subject, long now, Predicate<StoredDecision> applies) {
        if (routes.isEmpty() || subject.path() == null) {
            return null;
        }
        StoredDecision best = null;
        int bestLength = -1;
        for (StoredDecision head : routes.values()) {
            RouteSpec spec = (RouteSpec) head.key;
            if (spec.prefix().length() > bestLength && spec.matches(subject.method(), subject.path())) {
                StoredDecision d = Chains.first(head, now, applies);
                if (d != null) {
                    best = d;
                    bestLength = spec.prefix().length();
                }
            }
        }
        return best;
    }

    void forEach(Consumer<StoredDecision> action) {
        forEachChain((map, head) -> {
            for (StoredDecision e = head; e != null; e = e.next) {
                action.accept(e);
            }
        });
    }

    void forEachChain(BiConsumer<Map<Object, StoredDecision>, StoredDecision> action) {
        for (Map<Object, StoredDecision> map : exact.values()) {
            map.values().forEach(head -> action.accept(map, head));
        }
        for (Map<Integer, Map<Object, StoredDecision>> family : List.of(cidrsV4, cidrsV6)) {
            for (Map<Object, StoredDecision> map : family.values()) {
                map.values().forEach(head -> action.accept(map, head));
            }
        }
        routes.values().forEach(head -> action.accept(routes, head));
    }
}
