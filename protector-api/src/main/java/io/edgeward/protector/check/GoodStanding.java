package io.edgeward.protector.check;

import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.Subject;

import java.util.EnumSet;
import java.util.Set;

/**
 * An established session in good standing (contract C7): its cookie is valid or stale, it has been re-issued at
 * least {@code goodStandingMinGeneration} times or has solved a challenge, it is at least
 * {@code goodStandingMinAge} old, and no stored decision names it. Such a session is never touched by a
 * sessionless decision, nor by detection's decisions on shared attributes.
 */
final class GoodStanding {

    private static final Set<Scope> SESSION_ONLY = EnumSet.of(Scope.SESSION);

    private final DecisionStore store;
    private final int minGeneration;
    private final long minAgeSeconds;

    GoodStanding(DecisionStore store, CheckSettings settings) {
        this.store = store;
        this.minGeneration = settings.goodStandingMinGeneration();
        this.minAgeSeconds = settings.goodStandingMinAge().toSeconds();
    }

    boolean of(CheckRequest r, Subject subject, long nowEpochSecond) {
        String state = r.cookieState();
        if (!"valid".equalsIgnoreCase(state) && !"stale".equalsIgnoreCase(state)) {
            return false;
        }
        if (subject.session() == null || r.sessionIssuedAt() == null) {
            return false;
        }
        int generation = r.sessionGeneration() == null ? 0 : r.sessionGeneration();
        if (generation < minGeneration && r.passedAt() <= 0) {
            return false;
        }
        if (nowEpochSecond - r.sessionIssuedAt() < minAgeSeconds) {
            return false;
        }
        return store.find(ListKind.DECISION, subject, SESSION_ONLY, d -> true).isEmpty();
    }
}
