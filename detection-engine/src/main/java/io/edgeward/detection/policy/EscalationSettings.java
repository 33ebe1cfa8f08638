package io.edgeward.detection.policy;

import java.time.Duration;

/**
 * Repeat offenders: the n-th offence of the same scope and value within {@code memory} lasts
 * {@code duration * durationFactor^(n-1)} (at most {@code maxDuration}), and from the {@code blockAfterOffenses}-th
 * offence a challenge becomes a block (never beyond the NAT cap, and monitor rules never escalate).
 */
public record EscalationSettings(Duration memory, Double durationFactor, Duration maxDuration,
                                 Integer blockAfterOffenses) {
}
