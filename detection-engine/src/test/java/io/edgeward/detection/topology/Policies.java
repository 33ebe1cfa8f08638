package io.edgeward.detection.topology;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled policy with a few settings changed, for tests that need a smaller threshold. */
final class Policies {

    private Policies() {
    }

    /** The bundled policy text with each {@code pairs[i]} replaced by {@code pairs[i + 1]} (each must occur). */
    static DetectionPolicy bundledWith(String... pairs) {
        String text;
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (!text.contains(pairs[i])) {
                throw new IllegalArgumentException("bundled policy has no " + pairs[i]);
            }
            text = text.replace(pairs[i], pairs[i + 1]);
        }
        return PolicyLoader.parse(text, null, "test policy");
    }
}
