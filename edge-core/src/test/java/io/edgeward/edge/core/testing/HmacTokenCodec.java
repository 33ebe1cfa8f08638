package io.edgeward.edge.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.port.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A test-only HS256 compact JWS (javax.crypto + Jackson) so edge-core tests need no Nimbus. */
public final class HmacTokenCodec implements TokenCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, byte[]> keys;
    private final String signingKey;

    public HmacTokenCodec(Map<String, byte[]> keys, String signingKey) {
        this.keys = keys;
        this.signingKey = signingKey;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        try {
            String header = ENCODER.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + signingKey + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            return header + "." + payload + "." + ENCODER.encodeToString(mac(keys.get(signingKey),
                    header + "." + payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public VerifiedToken verify(String compact) {
        try {
            String[] parts = compact.split("\\.", -1);
            if (parts.length != 3) {
                return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
            }
            Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            byte[] key = keys.get(header.get("kid"));
            if (key == null) {
                return VerifiedToken.rejected(VerifiedToken.Status.FOREIGN_KEY);
            }
            byte[] expected = mac(key, parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return VerifiedToken.rejected(VerifiedToken.Status.TAMPERED);
            }
            return VerifiedToken.valid(JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class));
        } catch (Exception e) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
    }

    private static byte[] mac(byte[] key, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }
}
