package io.edgeward.edge.jvm;

import io.edgeward.edge.core.port.Randomness;
import java.security.SecureRandom;

/** The Randomness port with {@link SecureRandom}. */
public final class SecureRandomness implements Randomness {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
