package io.edgeward.protector.challenge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Challenge tokens: compact JWS, HS256, type {@code ew-challenge+jwt}, signed with Protector's challenge key (never
 * the cookie key, never given to the edge). Claims: {@code v, sid, uah, ip?, jti, iat, exp, prv, dif, ret}.
 */
final class ChallengeTokens {

    static final JOSEObjectType TYPE = new JOSEObjectType("ew-challenge+jwt");

    /** The outcome of reading a token: claims, or why not ({@code malformed} or {@code tampered}). */
    sealed interface Read permits Valid, Invalid {
    }

    record Valid(ChallengeClaims claims) implements Read {
    }

    record Invalid(String reason) implements Read {
    }

    private final MACSigner signer;
    private final MACVerifier verifier;

    ChallengeTokens(byte[] key) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("challenge.key cannot sign HS256: " + e.getMessage());
        }
    }

    String sign(ChallengeClaims c) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("v", 1)
                .claim("sid", c.sessionId())
                .claim("uah", c.userAgentHash())
                .jwtID(c.nonce())
                .issueTime(Date.from(c.issuedAt()))
                // iat is whole seconds; the milliseconds make the challenge event's solve time exact
                .claim("ims", c.issuedAt().getNano() / 1_000_000)
                .expirationTime(Date.from(c.expiresAt()))
                .claim("prv", c.provider())
                .claim("dif", c.difficulty())
                .claim("ret", c.returnTo());
        if (c.clientIp() != null) {
            claims.claim("ip", c.clientIp());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a challenge token failed", e);
        }
        return jwt.serialize();
    }

    /** {@code iat} plus {@code ims} (0-999 ms) when the token carries it (tokens of before do not). */
    private static Instant issuedAt(JWTClaimsSet c) throws ParseException {
        Instant seconds = c.getIssueTime().toInstant();
        Long millis = c.getLongClaim("ims");
        return millis == null || millis < 0 || millis > 999 ? seconds : seconds.plusMillis(millis);
    }

        Read read(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return new Invalid("malformed");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier)) {
                return new Invalid("tampered");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Long version = c.getLongClaim("v");
            Long difficulty = c.getLongClaim("dif");
            if (version == null || version != 1 || c.getJWTID() == null || c.getIssueTime() == null
                    || c.getExpirationTime() == null || difficulty == null) {
                return new Invalid("malformed");
            }
            return new Valid(new ChallengeClaims(c.getStringClaim("sid"), c.getStringClaim("uah"),
                    c.getStringClaim("ip"), c.getJWTID(), issuedAt(c),
                    c.getExpirationTime().toInstant(), c.getStringClaim("prv"), difficulty.intValue(),
                    c.getStringClaim("ret")));
        } catch (JOSEException | ParseException e) {
            return new Invalid("malformed");
        }
    }
}
