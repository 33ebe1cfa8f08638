package io.edgeward.edge.jvm;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import io.edgeward.edge.core.config.CookieConfig;
import io.edgeward.edge.core.port.TokenCodec;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact JWS HS256 with Nimbus JOSE+JWT: signs with the signing key (its id in {@code kid}), verifies with the key
 * the token's {@code kid} names. {@link MACVerifier} compares MACs in constant time.
 */
public final class NimbusTokenCodec implements TokenCodec {

    private final JWSSigner signer;
    private final JWSHeader header;
    private final Map<String, JWSVerifier> verifiers;

    public NimbusTokenCodec(Map<String, byte[]> keys, String signingKey) {
        try {
            this.signer = new MACSigner(keys.get(signingKey));
            Map<String, JWSVerifier> byKid = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                byKid.put(key.getKey(), new MACVerifier(key.getValue()));
            }
            this.verifiers = Map.copyOf(byKid);
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalArgumentException("cookie keys unusable for HS256: " + e.getMessage(), e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey).build();
    }

    public static NimbusTokenCodec from(CookieConfig cookie) {
        return new NimbusTokenCodec(cookie.keys(), cookie.signingKey());
    }

    @Override
    public String sign(Map<String, Object> claims) {
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jws.serialize();
    }

    @Override
    public VerifiedToken verify(String compact) {
        if (compact == null) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        try {
            JWSObject jws = JWSObject.parse(compact);
            if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())) {
                return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
            }
            JWSVerifier verifier = jws.getHeader().getKeyID() == null ? null
                    : verifiers.get(jws.getHeader().getKeyID());
            if (verifier == null) {
                return VerifiedToken.rejected(VerifiedToken.Status.FOREIGN_KEY);
            }
            if (!jws.verify(verifier)) {
                return VerifiedToken.rejected(VerifiedToken.Status.TAMPERED);
            }
            Map<String, Object> claims = jws.getPayload().toJSONObject();
            return claims == null ? VerifiedToken.rejected(VerifiedToken.Status.MALFORMED) : VerifiedToken.valid(claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
    }
}
