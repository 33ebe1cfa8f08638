package io.edgeward.detection.rules;

import io.edgeward.detection.policy.RateBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate budgets of one kind ({@link RateBudget.Per}) applied to one request: every budget whose route matches
 * counts it; a budget over its limit and not quiet for this key is returned with its count and goes quiet for
 * its duration. Assets never reach here.
 */
public final class RateRules {

    private RateRules() {
    }

    /** A budget exceeded, with the sliding count that exceeded it. */
    public record Exceeded(RateBudget budget, int count) {
    }

    /** Whether any budget of this kind exists (so a request costs no state access when none does). */
    public static boolean any(List<RateBudget> budgets, RateBudget.Per per) {
        for (RateBudget b : budgets) {
            if (b.per() == per) {
                return true;
            }
        }
        return false;
    }

    public static List<Exceeded> count(RateCounters counters, List<RateBudget> budgets, RateBudget.Per per,
                                       String method, String path, long now) {
        List<Exceeded> out = null;
        for (RateBudget b : budgets) {
            if (b.per() != per || !b.route().matches(method, path)) {
                continue;
            }
            int count = counters.hit(b.index(), b.stamp(), now, b.window().toMillis());
            if (count > b.limit() && !counters.isQuiet(b.index(), now)) {
                counters.quietUntil(b.index(), now + b.duration().toMillis());
                if (out == null) {
                    out = new ArrayList<>(1);
                }
                out.add(new Exceeded(b, count));
            }
        }
        return out == null ? List.of() : out;
    }
}
