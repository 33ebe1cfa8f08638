package io.edgeward.detection.topology;

import io.edgeward.edge.core.port.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** edge-core's Digest port for {@code CampaignKey}, one instance per stream task (MessageDigest is not shared). */
final class Sha256 implements Digest {

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    @Override
    public byte[] sha256(byte[] data) {
        return digest.digest(data);
    }
}
