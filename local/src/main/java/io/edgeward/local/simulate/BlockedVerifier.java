package io.edgeward.local.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client whose address an operator has blocked, trying the challenge verifier to get out: it holds a session and a
 * challenge taken before the block, then keeps asking for pages and posting garbage and real (solved) answers to the
 * verify path. What should hold: no page served once the block is enforced, whatever it posts.
 */
final class BlockedVerifier {

    static final String ADDRESS = "203.0.113.200";
    private static final String GARBAGE = "{\"token\":\"not-a-token\",\"answer\":\"12345\"}";

    private final AdversaryRun run;
    private final SimulatedVisitor v;

    BlockedVerifier(AdversaryRun run) {
        this.run = run;
        this.v = run.visitor(ADDRESS, true);
    }

    void play() {
        Timeline t = run.timeline();
        if (run.admin() == null) {
            t.note("skipped: no admin token (--admin-token or EDGEWARD_ADMIN_TOKEN)");
            return;
        }
        v.fetch("/", SimulatedVisitor.HTML);
        Optional<ProofOfWork.Offer> kept = ProofOfWork.offer(v.postJson(ProofOfWork.VERIFY_PATH, GARBAGE).body());
        String id = run.admin().decide("ip", ADDRESS, "block", "simulate: blocked-verifier");
        t.mark("blocked");
        try {
            for (int n = 1; run.running(); n++) {
                v.fetch(Adversary.CATALOGUE.get(n % Adversary.CATALOGUE.size()), SimulatedVisitor.HTML);
                Optional<ProofOfWork.Offer> fresh = ProofOfWork.offer(
                        v.postJson(ProofOfWork.VERIFY_PATH, GARBAGE).body());
                Optional<ProofOfWork.Offer> offer = fresh.isPresent() ? fresh : kept;
                kept = Optional.empty();
                offer.ifPresent(o -> t.count(ProofOfWork.solveAndPost(v, o) ? "passed" : "refused"));
                run.pause(Duration.ofMillis(500));
            }
        } finally {
            run.admin().remove(id);
        }
    }

    static String detail(Timeline t) {
        if (!t.notes().isEmpty()) {
            return String.join("; ", t.notes());
        }
        long blockedAt = t.markedAt("blocked");
        List<Timeline.Entry> entries = t.entries();
        long enforcedAt = entries.stream().filter(e -> e.atMillis() >= blockedAt && "block".equals(e.action()))
                .mapToLong(Timeline.Entry::atMillis).min().orElse(Long.MAX_VALUE);
        int[] afterBlock = AdversaryReport.pagesServedAfter(entries, blockedAt);
        int[] afterEnforced = AdversaryReport.pagesServedAfter(entries, enforcedAt);
        return "pages served after its block: " + afterBlock[0] + " of " + afterBlock[1]
                + (enforcedAt == Long.MAX_VALUE ? " (never answered with a block)"
                : " (" + afterEnforced[0] + " of " + afterEnforced[1] + " after the first block answer)")
                + "; verifications passed " + t.counter("passed") + ", refused " + t.counter("refused");
    }
}
