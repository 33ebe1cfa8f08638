package io.edgeward.detection.policy;

import java.time.Duration;

/**
 * Under-attack mode for one route ({@code detection.underAttack}): when at least {@code threshold} requests
 * without an established session match {@code route} within {@code window}, a {@code route} decision (challenge)
 * is published for {@code duration}, renewed while the surge lasts, and lapses once it stops.
 */
public record RouteSurge(String route, Integer threshold, Duration window, Duration duration) {
}
