package io.edgeward.protector.check;

import java.time.Duration;

/**
 * How checks weigh a session's history.
 *
 * @param passExemption             how long after a solved challenge the session is spared challenges created before
 *                                  the pass, and request-rule challenges (default 30 min); blocks are never spared
 * @param goodStandingMinGeneration a session is established after this many re-issues (default 1: it came back with
 *                                  the cookie of a good answer), or a solved challenge
 * @param goodStandingMinAge        ... and when at least this old (default 0). The defaults keep sessionless decisions
 *                                  (campaigns, shared attributes) off every visitor who keeps our cookie; stricter
 *                                  values also hold them against bots that keep one, at the cost of new visitors
 *                                  (contract C7)
 */
public record CheckSettings(Duration passExemption, int goodStandingMinGeneration, Duration goodStandingMinAge) {

    public static CheckSettings defaults() {
        return new CheckSettings(Duration.ofMinutes(30), 1, Duration.ZERO);
    }

    public CheckSettings {
        if (passExemption == null || passExemption.isNegative()) {
            throw new IllegalArgumentException("protector.passExemption must be >= 0, was " + passExemption);
        }
        if (goodStandingMinGeneration < 0) {
            throw new IllegalArgumentException("protector.goodStandingMinGeneration must be >= 0, was " + goodStandingMinGeneration);
        }
        if (goodStandingMinAge == null || goodStandingMinAge.isNegative()) {
            throw new IllegalArgumentException("protector.goodStandingMinAge must be >= 0, was " + goodStandingMinAge);
        }
    }
}
