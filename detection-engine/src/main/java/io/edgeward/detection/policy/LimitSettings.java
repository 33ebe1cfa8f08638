package io.edgeward.detection.policy;

/**
 * Bounds on per-key state: the newest {@code eventsPerActor} requests of a session or client are kept (older ones
 * are forgotten, so a rule's window is effectively capped by it), likewise {@code signalsPerKey} for cross-address
 * keys (JA4, user agent, network, session).
 */
public record LimitSettings(Integer eventsPerActor, Integer signalsPerKey) {
}
