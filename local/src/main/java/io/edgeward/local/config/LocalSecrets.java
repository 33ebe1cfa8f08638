package io.edgeward.local.config;

import io.edgeward.console.ConsoleConfig;
import io.edgeward.detection.DetectionConfig;
import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvSpec;
import io.edgeward.ingest.IngestConfig;
import io.edgeward.inspector.InspectorConfig;
import io.edgeward.passive.PassiveConfig;
import io.edgeward.protector.ProtectorConfig;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The local stack's secrets: the admin token, the edge's Protector key, the ingest key and the cookie signing key.
 * Each comes from its environment variable or, when unset, is generated at random for this run (and listed in
 * {@link #generated()} so the launcher can print the ones the user needs). {@link #toString()} never shows a value.
 *
 * @param cookieKey base64url, at least 32 bytes decoded
 */
public record LocalSecrets(String adminToken, String edgeKey, String ingestKey, String cookieKey,
                           List<String> generated) {

    public static final String ADMIN_TOKEN = "EDGEWARD_ADMIN_TOKEN";
    public static final String EDGE_KEY = "EDGEWARD_EDGE_KEY";
    public static final String INGEST_KEY = "EDGEWARD_INGEST_KEY";
    public static final String COOKIE_KEY = "EDGEWARD_COOKIE_KEY";
    static final int MIN_LENGTH = 16;
    static final int MIN_COOKIE_KEY_BYTES = 32;

    public LocalSecrets {
        secret(adminToken, ADMIN_TOKEN);
        secret(edgeKey, EDGE_KEY);
        secret(ingestKey, INGEST_KEY);
        if (adminToken.equals(edgeKey) || adminToken.equals(ingestKey)) {
            throw new IllegalArgumentException(ADMIN_TOKEN + " must differ from " + EDGE_KEY + " and " + INGEST_KEY);
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(cookieKey == null ? "" : cookieKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COOKIE_KEY + " must be base64url, was not", e);
        }
        if (key.length < MIN_COOKIE_KEY_BYTES) {
            throw new IllegalArgumentException(COOKIE_KEY + " must decode to at least " + MIN_COOKIE_KEY_BYTES
                    + " bytes, was " + key.length);
        }
        generated = List.copyOf(generated);
    }

    /** Local's own variables: the four secrets. */
    public static final EnvSpec ENV = EnvSpec.of("local", EnvKey.secret(ADMIN_TOKEN), EnvKey.secret(EDGE_KEY),
            EnvKey.secret(INGEST_KEY), EnvKey.secret(COOKIE_KEY));

    /**
     * The services the local stack runs in this process: a variable one of them reads is not a typo here, though
     * the stack configures them from its flags (a shell set up to run them one by one may still hold it).
     */
    static final EnvSpec[] SERVICES = {IngestConfig.ENV, ProtectorConfig.ENV, DetectionConfig.ENV,
        InspectorConfig.ENV, PassiveConfig.ENV, ConsoleConfig.ENV};

    /**
     * The one place the local stack reads its secrets from the environment. An {@code EDGEWARD_*} variable neither
     * local nor any of its services reads is refused, naming the nearest known one.
     */
    public static LocalSecrets fromEnvironment(Map<String, String> env, SecureRandom random) {
        ENV.read(env, SERVICES);
        List<String> generated = new ArrayList<>();
        String admin = orGenerate(env, ADMIN_TOKEN, random, generated);
        String edge = orGenerate(env, EDGE_KEY, random, generated);
        String ingest = orGenerate(env, INGEST_KEY, random, generated);
        String cookie = orGenerate(env, COOKIE_KEY, random, generated);
        return new LocalSecrets(admin, edge, ingest, cookie, generated);
    }

    private static String orGenerate(Map<String, String> env, String name, SecureRandom random, List<String> generated) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        generated.add(name);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void secret(String value, String name) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_LENGTH + " characters, was "
                    + (value == null ? "missing" : value.length() + " characters"));
        }
    }

    @Override
    public String toString() {
        return "LocalSecrets[adminToken=***, edgeKey=***, ingestKey=***, cookieKey=***, generated=" + generated + "]";
    }
}
