package io.edgeward.protector.decision;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal reasons, sources and routes between stored decisions: detection repeats a few dozen. Bounded: past
 * {@code maxEntries} distinct values new ones are kept unshared (they still cost only their own bytes).
 */
final class Interner {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_LENGTH = 600;

    private final ConcurrentHashMap<Object, Object> pool = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T intern(T value) {
        if (value == null || (value instanceof String s && s.length() > MAX_LENGTH)) {
            return value;
        }
        Object shared = pool.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (pool.size() >= MAX_ENTRIES) {
            return value;
        }
        shared = pool.putIfAbsent(value, value);
        return shared == null ? value : (T) shared;
    }
}
