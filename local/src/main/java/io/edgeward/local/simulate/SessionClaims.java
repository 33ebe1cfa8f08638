package io.edgeward.local.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/** Reads the session cookie's claims (unverified: the simulator only needs the session id to block it). */
final class SessionClaims {

    static final String COOKIE = "__Host-ew";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionClaims() {
    }

    /** The {@code sid} claim of a session cookie (a compact JWS), or null when it is not readable. */
    static String sessionId(String jws) {
        if (jws == null) {
            return null;
        }
        int first = jws.indexOf('.');
        int second = jws.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        try {
            String sid = JSON.readTree(Base64.getUrlDecoder().decode(jws.substring(first + 1, second)))
                    .path("sid").asText("");
            return sid.isEmpty() ? null : sid;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
