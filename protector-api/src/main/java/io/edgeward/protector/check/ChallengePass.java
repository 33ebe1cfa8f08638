package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.StoredDecision;

/**
 * A solved challenge is evidence, not immunity (docs/protector.md). A pass at {@code passedAt} spares the session,
 * until {@code passedAt + window}: challenge decisions created before the pass, and request-rule challenges.
 * Decisions created after the pass, and blocks, always apply. An edge that sends only the old boolean
 * {@code challengePassed} (no time) spares request-rule challenges only.
 */
record ChallengePass(long passedAt, boolean legacyOnly, long until) {

    static final ChallengePass NONE = new ChallengePass(0, false, 0);

    static ChallengePass of(CheckRequest r, long now, long windowSeconds) {
        if (r.passedAt() > 0) {
            long at = Math.min(r.passedAt(), now); // a pass from the future (clock skew) counts as now
            return new ChallengePass(at, false, at + windowSeconds);
        }
        return Boolean.TRUE.equals(r.challengePassed()) ? new ChallengePass(0, true, Long.MAX_VALUE) : NONE;
    }

    boolean sparesDecision(StoredDecision d, long now) {
        return !legacyOnly && passedAt > 0 && d.action() == Action.CHALLENGE && now < until
                && d.createdAtEpochSecond() < passedAt;
    }

    boolean sparesRuleChallenge(long now) {
        return (legacyOnly || passedAt > 0) && now < until;
    }

    /** How long an allow given for the pass may be reused: never past the end of the window. */
    long ttlCap(long now) {
        return until == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, until - now);
    }
}
