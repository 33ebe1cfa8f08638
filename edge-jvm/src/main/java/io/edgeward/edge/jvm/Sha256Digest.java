package io.edgeward.edge.jvm;

import io.edgeward.edge.core.port.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The Digest port with {@link MessageDigest} (every JVM has SHA-256). */
public final class Sha256Digest implements Digest {

    @Override
    public byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
