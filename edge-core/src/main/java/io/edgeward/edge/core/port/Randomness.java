package io.edgeward.edge.core.port;

/** Cryptographically secure random bytes (session ids, challenge nonces). */
public interface Randomness {
    byte[] bytes(int count);
}
