package io.edgeward.edge.core.sensor;

import io.edgeward.edge.core.port.Randomness;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.port.TokenCodec.VerifiedToken;
import io.edgeward.edge.core.text.Base64Codec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces a sensor report must carry (docs/browser-signals.md "Forgery resistance"): a compact JWS signed with the
 * session cookie's key, claims {@code t:"sn"} (so no cookie reads as a nonce, nor a nonce as a cookie: a cookie needs
 * {@code v:1} and {@code uah}), {@code sid} (the session it was issued to), {@code iat} (epoch seconds) and {@code n}
 * (16 random bytes, base64url: what Protector spends). The edge checks signature, session and age; Protector checks
 * single use, since only it sees every edge environment's reports.
 */
public final class SensorNonces {

    static final String TYPE = "sn";
    static final int RANDOM_BYTES = 16;
    /** A real nonce is about 200 characters. */
    static final int MAX_LENGTH = 512;
    /** Clocks of edge environments differ a little; more than this ahead is not ours. */
    static final long FUTURE_SKEW_SECONDS = 60;

    private final TokenCodec tokens;
    private final long lifetimeSeconds;

    public SensorNonces(TokenCodec tokens, long lifetimeSeconds) {
        this.tokens = tokens;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    public String issue(String sessionId, long nowSeconds, Randomness randomness) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("t", TYPE);
        claims.put("sid", sessionId);
        claims.put("iat", nowSeconds);
        claims.put("n", Base64Codec.encodeUrl(randomness.bytes(RANDOM_BYTES)));
        return tokens.sign(claims);
    }

    /** Checks a report's nonce against the session of the request that carries it; never throws. */
    public Checked check(Object nonce, String sessionId, long nowSeconds) {
        if (!(nonce instanceof String) || ((String) nonce).isEmpty() || ((String) nonce).length() > MAX_LENGTH) {
            return Checked.rejected(SensorRejection.MALFORMED);
        }
        VerifiedToken token = tokens.verify((String) nonce);
        if (token.status() == VerifiedToken.Status.TAMPERED || token.status() == VerifiedToken.Status.FOREIGN_KEY) {
            return Checked.rejected(SensorRejection.FORGED);
        }
        if (token.status() != VerifiedToken.Status.VALID) {
            return Checked.rejected(SensorRejection.MALFORMED);
        }
        Map<String, Object> claims = token.claims();
        Object sid = claims.get("sid");
        Object id = claims.get("n");
        Object iat = claims.get("iat");
        if (!TYPE.equals(claims.get("t")) || !(sid instanceof String) || !(id instanceof String)
                || ((String) id).length() > 64 || !(iat instanceof Number)) {
            return Checked.rejected(SensorRejection.MALFORMED);
        }
        long issuedAt = ((Number) iat).longValue();
        if (nowSeconds - issuedAt > lifetimeSeconds || issuedAt - nowSeconds > FUTURE_SKEW_SECONDS) {
            return Checked.rejected(SensorRejection.STALE);
        }
        if (!sid.equals(sessionId)) {
            return Checked.rejected(SensorRejection.FOREIGN_SESSION);
        }
        return new Checked(null, (String) id, issuedAt + lifetimeSeconds);
    }

    /** {@code rejection} null: good, with the nonce's {@code id} and when it {@code expiresAt} (epoch seconds). */
    public record Checked(String rejection, String id, long expiresAt) {

        static Checked rejected(String reason) {
            return new Checked(reason, null, 0);
        }
    }
}
