package io.edgeward.protector.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The request-time tier: rules in policy-file order, the first match wins. */
public final class RequestRules {

    private final List<RequestRule> rules;

    public RequestRules(List<RequestRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @param userAgentHolds per rule, in order: whether its user-agent conditions hold for this request */
    public Optional<RequestRule> firstMatch(RuleInput input, boolean[] userAgentHolds) {
        return firstMatch(input, userAgentHolds, r -> true);
    }

    /** As {@link #firstMatch(RuleInput, boolean[])}, among the rules {@code eligible} accepts. */
    public Optional<RequestRule> firstMatch(RuleInput input, boolean[] userAgentHolds, Predicate<RequestRule> eligible) {
        for (int i = 0; i < rules.size(); i++) {
            RequestRule rule = rules.get(i);
            if (eligible.test(rule) && rule.matches(input, userAgentHolds[i])) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Per rule, whether its user-agent conditions hold for this user agent. */
    public boolean[] userAgentConditions(String userAgent) {
        boolean[] holds = new boolean[rules.size()];
        for (int i = 0; i < holds.length; i++) {
            holds[i] = rules.get(i).userAgentConditionsHold(userAgent);
        }
        return holds;
    }

    public List<RequestRule> rules() {
        return rules;
    }
}
