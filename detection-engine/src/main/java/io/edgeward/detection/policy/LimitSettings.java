package io.edgeward.detection.policy;

/**
 * Bounds on per-key state: the newest {@code eventsPerActor} requests of a session or client are kept (older ones
 * are forgotten, so a rule's window is effectively capped by it), likewise {@code signalsPerKey} for cross-address
 * keys (JA4, user agent, network, session, campaign, route). Every store keyed by client data holds at most
 * {@code maxEntriesPerStore} keys (optional, default {@value #DEFAULT_MAX_ENTRIES}): checked each minute of
 * stream time, the least recently active entries go first.
 */
public record LimitSettings(Integer eventsPerActor, Integer signalsPerKey, Integer maxEntriesPerStore) {

    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    public LimitSettings(Integer eventsPerActor, Integer signalsPerKey) {
        this(eventsPerActor, signalsPerKey, null);
    }

    public int maxEntries() {
        return maxEntriesPerStore == null ? DEFAULT_MAX_ENTRIES : maxEntriesPerStore;
    }
}
