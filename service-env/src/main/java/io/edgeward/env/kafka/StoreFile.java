package io.edgeward.env.kafka;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A TLS trust or key store for the Kafka clients: its file, its password (null when none) and its type (null for
 * Kafka's default, JKS; also PKCS12 or PEM). {@link #toString()} never shows the password.
 */
public record StoreFile(Path location, String password, String type) {

    static final Set<String> TYPES = Set.of("JKS", "PKCS12", "PEM");

    public StoreFile {
        Objects.requireNonNull(location, "location");
        type = type == null ? null : type.strip().toUpperCase(Locale.ROOT);
        if (type != null && !TYPES.contains(type)) {
            throw new IllegalArgumentException("store type must be JKS, PKCS12 or PEM, was '" + type + "'");
        }
    }

    public boolean isPem() {
        return "PEM".equals(type);
    }

    @Override
    public String toString() {
        return "StoreFile[location=" + location + ", password=" + (password == null ? "none" : "***")
                + ", type=" + (type == null ? "JKS (default)" : type) + "]";
    }
}
