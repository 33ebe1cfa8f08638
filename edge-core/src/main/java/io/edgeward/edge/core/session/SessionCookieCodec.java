package io.edgeward.edge.core.session;

import io.edgeward.edge.core.config.CookieConfig;
import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.port.Randomness;
import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.core.port.TokenCodec.VerifiedToken;
import io.edgeward.edge.core.text.Base64Codec;
import io.edgeward.edge.core.text.Utf8;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and mints the session cookie (docs/contracts.md "Session cookie"): a compact JWS with claims {@code v, sid,
 * iat, exp, chk, gen, cpa, uah} and the optional {@code cpn} (challenges passed), {@code bu} (blocked until),
 * {@code bs} (block scope) and {@code ba} (block address), and the browser sensor's {@code sv} (verdict), {@code st}
 * (verdict time), {@code su} (verdict holds until), {@code sq} (quiet reports in a row) and {@code np} (HTML pages
 * since the last report). A tampered, expired, foreign-key, unbound or malformed
 * cookie reads as no session; a cookie without the optional claims (an older edge's) reads as none of them set.
 */
public final class SessionCookieCodec {

    /** Longer cookie values are not even parsed: a real one is about 300 characters. */
    static final int MAX_COOKIE_LENGTH = 4096;
    private static final int SESSION_ID_BYTES = 16;
    private static final int BINDING_BYTES = 16;
    /** A scope wire name is a short word; an address at most an IPv6 text with a zone. */
    static final int MAX_SCOPE_LENGTH = 32;
    static final int MAX_ADDRESS_LENGTH = 64;

    private final CookieConfig config;
    private final TokenCodec tokens;
    private final Digest digest;

    public SessionCookieCodec(CookieConfig config, TokenCodec tokens, Digest digest) {
        this.config = config;
        this.tokens = tokens;
        this.digest = digest;
    }

    public String cookieName() {
        return config.name();
    }

    /** Reads the session from the request's Cookie header values for a client with this user agent. */
    public CookieRead read(List<String> cookieHeaders, String userAgent, long nowSeconds) {
        String value = CookieHeader.find(cookieHeaders, config.name());
        if (value == null || value.isEmpty()) {
            return CookieRead.rejected(CookieState.NONE);
        }
        if (value.length() > MAX_COOKIE_LENGTH) {
            return CookieRead.rejected(CookieState.MALFORMED);
        }
        VerifiedToken token = tokens.verify(value);
        switch (token.status()) {
            case VALID:
                break;
            case FOREIGN_KEY:
                return CookieRead.rejected(CookieState.FOREIGN_KEY);
            case TAMPERED:
                return CookieRead.rejected(CookieState.TAMPERED);
            default:
                return CookieRead.rejected(CookieState.MALFORMED);
        }
        Session session = fromClaims(token.claims());
        if (session == null) {
            return CookieRead.rejected(CookieState.MALFORMED);
        }
        if (session.expiresAt() <= nowSeconds) {
            return CookieRead.rejected(CookieState.EXPIRED);
        }
        if (!sameBinding(session.userAgentHash(), userAgentBinding(userAgent))) {
            return CookieRead.rejected(CookieState.UNBOUND);
        }
        return new CookieRead(session.checkedAt(nowSeconds) ? CookieState.VALID : CookieState.STALE, session);
    }

    /** A new session, not yet checked ({@code checkedUntil == issuedAt}). */
    public Session newSession(String userAgent, long nowSeconds, Randomness randomness) {
        String id = Base64Codec.encodeUrl(randomness.bytes(SESSION_ID_BYTES));
        return new Session(id, nowSeconds, nowSeconds + config.lifetimeSeconds(), nowSeconds, 0, 0,
                userAgentBinding(userAgent));
    }

    /** The signed cookie value. */
    public String mint(Session session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("sid", session.id());
        claims.put("iat", session.issuedAt());
        claims.put("exp", session.expiresAt());
        claims.put("chk", session.checkedUntil());
        claims.put("gen", session.generation());
        if (session.challengePassed()) {
            claims.put("cpa", session.challengePassedAt());
        }
        claims.put("uah", session.userAgentHash());
        if (session.challengePasses() > 0) {
            claims.put("cpn", session.challengePasses());
        }
        if (session.blockedUntil() > 0) {
            claims.put("bu", session.blockedUntil());
            if (session.blockScope() != null) {
                claims.put("bs", session.blockScope());
            }
            if (session.blockAddress() != null) {
                claims.put("ba", session.blockAddress());
            }
        }
        putSensor(claims, session.sensor());
        return tokens.sign(claims);
    }

    /** Only what is set: a session the sensor never saw has the cookie of before. */
    private static void putSensor(Map<String, Object> claims, SensorState sensor) {
        if (sensor.verdict() != null) {
            claims.put("sv", sensor.verdict());
            claims.put("st", sensor.at());
            claims.put("su", sensor.until());
        }
        if (sensor.quietReports() > 0) {
            claims.put("sq", sensor.quietReports());
        }
        if (sensor.pagesWithoutReport() > 0) {
            claims.put("np", sensor.pagesWithoutReport());
        }
    }

    /** The sensor claims, or null when one is out of range; a verdict word of a newer edge reads as none. */
    private static SensorState sensorOf(Map<String, Object> claims) {
        Object sv = claims.get("sv");
        long st = optionalNumber(claims.get("st"));
        long su = optionalNumber(claims.get("su"));
        long sq = optionalNumber(claims.get("sq"));
        long np = optionalNumber(claims.get("np"));
        if (st < 0 || su < 0 || sq < 0 || np < 0 || sq > SensorState.MAX_COUNT || np > SensorState.MAX_COUNT
                || (sv != null && !(sv instanceof String))) {
            return null;
        }
        String verdict = sv != null && SensorState.isVerdict((String) sv) ? (String) sv : null;
        return new SensorState(verdict, verdict == null ? 0 : st, verdict == null ? 0 : su, (int) sq, (int) np);
    }

    /** The full Set-Cookie value; Max-Age is what remains of the session's lifetime. */
    public String setCookie(Session session, long nowSeconds) {
        long maxAge = Math.max(0, session.expiresAt() - nowSeconds);
        return config.name() + "=" + mint(session) + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=" + maxAge;
    }

    /** base64url of the first 16 bytes of SHA-256 of the User-Agent (an absent one hashes as empty). */
    public String userAgentBinding(String userAgent) {
        byte[] hash = digest.sha256(Utf8.encode(userAgent == null ? "" : userAgent));
        return Base64Codec.encodeUrl(Arrays.copyOf(hash, BINDING_BYTES));
    }

    private static Session fromClaims(Map<String, Object> claims) {
        Object sid = claims.get("sid");
        Object uah = claims.get("uah");
        long version = number(claims.get("v"));
        long iat = number(claims.get("iat"));
        long exp = number(claims.get("exp"));
        long chk = number(claims.get("chk"));
        long gen = number(claims.get("gen"));
        long cpa = optionalNumber(claims.get("cpa"));
        long cpn = optionalNumber(claims.get("cpn"));
        long bu = optionalNumber(claims.get("bu"));
        Object bs = claims.get("bs");
        Object ba = claims.get("ba");
        if (version != 1 || !(sid instanceof String) || ((String) sid).isEmpty() || !(uah instanceof String)
                || iat < 0 || exp < 0 || chk < 0 || gen < 0 || gen > 64 || cpa < 0 || cpn < 0
                || cpn > Integer.MAX_VALUE || bu < 0 || !optionalText(bs, MAX_SCOPE_LENGTH)
                || !optionalText(ba, MAX_ADDRESS_LENGTH)) {
            return null;
        }
        SensorState sensor = sensorOf(claims);
        if (sensor == null) {
            return null;
        }
        return new Session((String) sid, iat, exp, chk, (int) gen, cpa, (String) uah, (int) cpn, bu, (String) bs,
                (String) ba, sensor);
    }

    private static long optionalNumber(Object value) {
        return value == null ? 0 : number(value);
    }

    private static boolean optionalText(Object value, int max) {
        return value == null || (value instanceof String && !((String) value).isEmpty()
                && ((String) value).length() <= max);
    }

    private static long number(Object value) {
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            long l = ((Number) value).longValue();
            return d == l ? l : -1;
        }
        return -1;
    }

    private static boolean sameBinding(String expected, String actual) {
        if (expected.length() != actual.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < expected.length(); i++) {
            diff |= expected.charAt(i) ^ actual.charAt(i);
        }
        return diff == 0;
    }
}
