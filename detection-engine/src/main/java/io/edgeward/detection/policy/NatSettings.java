package io.edgeward.detection.policy;

import java.time.Duration;

/**
 * Protects many people behind one address: an address-scoped detection is capped at {@code challenge} when the
 * address had at least {@code minWellBehavedSessions} cookie-keeping sessions, none of them flagged, within
 * {@code window}.
 */
public record NatSettings(Duration window, Integer minWellBehavedSessions) {
}
