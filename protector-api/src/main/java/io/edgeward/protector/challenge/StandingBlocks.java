package io.edgeward.protector.challenge;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Subject;

import java.util.Optional;

/**
 * The block that holds against a verifying client, if any: a stored {@code block} decision on any of its scopes
 * (address, network, session, fingerprint, user agent, ASN, country, campaign). An allowlist entry for the client
 * wins, as in the check. Read-only on the {@link DecisionStore}; every lookup is in memory.
 */
final class StandingBlocks {

    /** No decisions: nothing is ever blocked (a ChallengeService without a store, in unit tests). */
    static final StandingBlocks NONE = new StandingBlocks(null);

    private final DecisionStore store;

    StandingBlocks(DecisionStore store) {
        this.store = store;
    }

    Optional<Decision> against(VerifyingClient client) {
        if (store == null || client == null || store.match(ListKind.ALLOWLIST, client.whole()).isPresent()) {
            return Optional.empty();
        }
        Optional<Decision> whole = blockIn(client.whole());
        if (whole.isPresent()) {
            return whole;
        }
        for (Subject one : client.alone()) {
            Optional<Decision> found = blockIn(one);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Decision> blockIn(Subject subject) {
        return store.match(ListKind.DECISION, subject).filter(d -> d.action() == Action.BLOCK);
    }
}
