package io.edgeward.edge.core.port;

/** SHA-256, for the cookie's user-agent binding. */
public interface Digest {
    byte[] sha256(byte[] data);
}
