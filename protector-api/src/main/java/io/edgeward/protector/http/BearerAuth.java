package io.edgeward.protector.http;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks {@code Authorization: Bearer <secret>} against a set of accepted secrets (several, for rotation),
 * with {@link MessageDigest#isEqual} against every accepted secret. {@code isEqual(presented, accepted)} takes
 * time that depends only on the presented value's length, so neither the content nor the length of an
 * accepted secret leaks through timing.
 */
public final class BearerAuth {

    private final String realm;
    private final List<byte[]> accepted;

    public BearerAuth(String realm, List<String> acceptedSecrets) {
        if (acceptedSecrets.isEmpty()) {
            throw new IllegalArgumentException(realm + ": at least one secret is required");
        }
        this.realm = realm;
        this.accepted = acceptedSecrets.stream().map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** A before-handler: passes or throws 401. */
    public void require(Context ctx) {
        if (!accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", challenge());
            throw ProblemException.unauthorized("a valid " + realm + " bearer token is required");
        }
    }

    public String realm() {
        return realm;
    }

    /** The {@code WWW-Authenticate} value of a refusal. */
    public String challenge() {
        return "Bearer realm=\"" + realm + "\"";
    }

    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] secret : accepted) {
            ok |= MessageDigest.isEqual(presented, secret); // presented first: see the class comment
        }
        return ok;
    }
}
