package io.edgeward.detection.policy;

import java.time.Duration;
import java.util.List;

/**
 * One detection rule's settings as written under {@code detection.rules.<name>}. Which of {@code threshold},
 * {@code ratio}, {@code distinctIps} and {@code scopes} a rule takes is fixed by the rule ({@link RuleName}); a
 * setting the rule does not take is rejected rather than ignored.
 *
 * @param enabled     defaults to true
 * @param window      event-time window the rule counts over
 * @param threshold   the count that trips the rule
 * @param ratio       a ratio bound whose meaning the rule documents (an upper or a lower bound)
 * @param distinctIps distinct client addresses needed (distributed rules)
 * @param scopes      keys a distributed rule aggregates over ({@code ja4}, {@code user_agent}, {@code cidr})
 * @param grace       how long a minted session is given to come back before its request counts as refused
 *                    (cookie refusal only; optional, default {@link #DEFAULT_GRACE})
 * @param action      action on a first offence
 * @param duration    duration on a first offence (repeat offences escalate, see {@link EscalationSettings})
 */
public record RuleSettings(Boolean enabled, Duration window, Integer threshold, Double ratio, Integer distinctIps,
                           List<String> scopes, Duration grace, Action action, Duration duration) {

    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);

    public Duration graceOrDefault() {
        return grace == null ? DEFAULT_GRACE : grace;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
