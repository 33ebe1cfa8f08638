package io.edgeward.protector.rules;

import java.util.List;
import java.util.Optional;

/** The request-time tier: rules in policy-file order, the first match wins. */
public final class RequestRules {

    private final List<RequestRule> rules;

    public RequestRules(List<RequestRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Optional<RequestRule> firstMatch(RuleInput input) {
        for (RequestRule rule : rules) {
            if (rule.matches(input)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public List<RequestRule> rules() {
        return rules;
    }
}
