package io.edgeward.protector.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The immutable chains of {@link StoredDecision}s that share one key (they differ by qualifiers): a writer builds a
 * new chain and swaps it into the map, so readers never see one half-changed.
 */
final class Chains {

    private Chains() {
    }

    static StoredDecision variant(StoredDecision head, boolean sessionless, RouteSpec route) {
        for (StoredDecision e = head; e != null; e = e.next) {
            if (e.sameQualifiers(sessionless, route)) {
                return e;
            }
        }
        return null;
    }

    /** A new chain: {@code head}'s entries without {@code drop}, plus {@code add}, strongest action first. */
    static StoredDecision rebuild(StoredDecision head, StoredDecision drop, StoredDecision add) {
        List<StoredDecision> kept = new ArrayList<>(2);
        boolean dropped = false;
        for (StoredDecision e = head; e != null; e = e.next) {
            if (e == drop) {
                dropped = true;
            } else {
                kept.add(e);
            }
        }
        if (!dropped && add == null) {
            return head;
        }
        if (add != null) {
            kept.add(add);
        }
        kept.sort(Comparator.comparingInt((StoredDecision e) -> strength(e.action())).reversed());
        StoredDecision chain = null;
        for (int i = kept.size() - 1; i >= 0; i--) {
            chain = kept.get(i).withNext(chain);
        }
        return chain;
    }

    static int strength(Action a) {
        return switch (a) {
            case BLOCK -> 3;
            case CHALLENGE -> 2;
            case MONITOR -> 1;
            case ALLOW -> 0;
        };
    }

    static StoredDecision first(StoredDecision head, long now, Predicate<StoredDecision> applies) {
        for (StoredDecision e = head; e != null; e = e.next) {
            if (e.activeAt(now) && applies.test(e)) {
                return e;
            }
        }
        return null;
    }
}
