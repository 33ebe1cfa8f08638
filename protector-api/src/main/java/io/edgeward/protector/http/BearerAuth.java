package io.edgeward.protector.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <secret>} against a set of accepted secrets (several, for rotation).
 * Both sides are hashed and compared with {@link MessageDigest#isEqual}, against every accepted secret, so
 * neither the content nor the length of a secret leaks through timing.
 */
public final class BearerAuth {

    private final String realm;
    private final List<byte[]> acceptedDigests;

    public BearerAuth(String realm, List<String> acceptedSecrets) {
        if (acceptedSecrets.isEmpty()) {
            throw new IllegalArgumentException(realm + ": at least one secret is required");
        }
        this.realm = realm;
        this.acceptedDigests = acceptedSecrets.stream().map(BearerAuth::sha256).toList();
    }

    /** A before-handler: passes or throws 401. */
    public void require(Context ctx) {
        if (!accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
            throw ProblemException.unauthorized("a valid " + realm + " bearer token is required");
        }
    }

    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = sha256(authorizationHeader.substring(7).strip());
        boolean ok = false;
        for (byte[] accepted : acceptedDigests) {
            ok |= MessageDigest.isEqual(presented, accepted);
        }
        return ok;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
