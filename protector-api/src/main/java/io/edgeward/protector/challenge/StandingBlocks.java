package io.edgeward.protector.challenge;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.StoredDecision;

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
        // Any block on any scope, not just the most specific decision: a challenge on the address must not hide
        // a block on its network or user agent. Route-qualified blocks are about another path than verify's.
        return store.find(ListKind.DECISION, client.whole(), null,
                d -> d.action() == Action.BLOCK && d.route() == null).map(StoredDecision::toDecision);
    }
}
