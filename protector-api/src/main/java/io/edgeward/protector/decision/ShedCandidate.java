package io.edgeward.protector.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A decision that may be shed when memory is full, ranked so that lower goes first: non-blocks before blocks,
 * detection's before an administrator's, then soonest expiry (no expiry last).
 */
record ShedCandidate(Map<Object, StoredDecision> map, StoredDecision entry, long rank) {

    private static final Comparator<ShedCandidate> BY_RANK = Comparator.comparingLong(ShedCandidate::rank);

    static long rank(StoredDecision e) {
        long expires = e.expiresAtEpochSecond() == 0 ? (1L << 40) : e.expiresAtEpochSecond();
        return (e.action() == Action.BLOCK ? 1L << 62 : 0) | (e.fromAdmin() ? 1L << 61 : 0) | expires;
    }

    /** The {@code k} lowest-ranked decisions of the list, lowest first; one pass, a heap of k. */
    static List<ShedCandidate> lowest(DecisionIndex list, int k) {
        PriorityQueue<ShedCandidate> highestKept = new PriorityQueue<>(Math.max(1, Math.min(k, 1 << 16)), BY_RANK.reversed());
        list.forEachChain((map, head) -> {
            for (StoredDecision e = head; e != null; e = e.next) {
                long rank = rank(e);
                if (highestKept.size() < k) {
                    highestKept.add(new ShedCandidate(map, e, rank));
                } else if (rank < highestKept.peek().rank()) {
                    highestKept.poll();
                    highestKept.add(new ShedCandidate(map, e, rank));
                }
            }
        });
        List<ShedCandidate> out = new ArrayList<>(highestKept);
        out.sort(BY_RANK);
        return out;
    }
}
