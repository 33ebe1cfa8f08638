package io.edgeward.ingest.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Bearer-key authentication against several keys (rotation: add the new key, move clients, remove the old). Keys are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, and every key is compared, so the time taken says
 * nothing about which key or how much of it matched.
 */
public final class ApiKeys {

    private static final String BEARER = "Bearer ";
    private final List<byte[]> digests;

    public ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    /** A Javalin before-handler: passes the request on, or throws {@link Unauthorized}. */
    public void require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthorized("send Authorization: Bearer <key>");
        }
        if (!matches(header.substring(BEARER.length()).strip())) {
            throw new Unauthorized("the bearer key is not valid");
        }
    }

    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] key : digests) {
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
