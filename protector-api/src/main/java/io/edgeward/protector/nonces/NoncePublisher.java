package io.edgeward.protector.nonces;

import java.time.Instant;

/** Tells the other Protector instances that a nonce is spent. */
@FunctionalInterface
public interface NoncePublisher {

    /** A single instance: nothing to tell. */
    NoncePublisher NONE = (nonce, expiresAt) -> true;

    /**
     * Publishes the spent nonce and waits until it is durable (acks=all) or the publish timeout passes.
     * Returns false when it could not be confirmed; never throws.
     */
    boolean publish(String nonce, Instant expiresAt);
}
