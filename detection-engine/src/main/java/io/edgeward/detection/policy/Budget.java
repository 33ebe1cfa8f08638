package io.edgeward.detection.policy;

import java.time.Duration;

/**
 * One rate budget as written under {@code detection.budgets}: at most {@code limit} non-asset requests matching
 * {@code route} per {@code per} ({@code session}, {@code address} or {@code network}: the /24 or /64) within
 * {@code window}. Assets never count. Exceeding it is rule {@code rate.route} with the budget in the reason.
 */
public record Budget(String route, String per, Integer limit, Duration window, Action action, Duration duration) {
}
