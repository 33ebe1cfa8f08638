package io.edgeward.edge.core.port;

/** Wall-clock time for the edge policy; injected so tests move time instead of sleeping. */
public interface EdgeClock {
    long nowMillis();
}
