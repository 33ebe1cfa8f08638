package io.edgeward.detection.rules;

import io.edgeward.detection.policy.Action;
import io.edgeward.detection.policy.RuleName;
import java.time.Duration;
import java.util.Map;

/** A rule that tripped: the action and duration of a first offence, why, and the numbers behind it. */
public record Finding(RuleName rule, Action action, Duration duration, String reason, Map<String, Object> evidence) {
}
