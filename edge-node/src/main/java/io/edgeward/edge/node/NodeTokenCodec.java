package io.edgeward.edge.node;

import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.port.TokenCodec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact JWS HS256 with a {@code kid} header on Node, byte-compatible with the JVM target's Nimbus codec: the same
 * tokens verify on both (shared test vectors prove it). Signatures are compared in constant time.
 */
public final class NodeTokenCodec implements TokenCodec {

    /** Keys as standard base64, the form the HMAC call takes, so no key is re-encoded per request. */
    private final Map<String, String> keys;
    private final String signingKid;
    private final JsonCodec json;

    /** {@code keys}: kid to secret (at least 32 bytes each); {@code signingKid} must be one of them. */
    public NodeTokenCodec(Map<String, byte[]> keys, String signingKid, JsonCodec json) {
        if (!keys.containsKey(signingKid)) {
            throw new IllegalArgumentException("signing key " + signingKid + " is not among the configured keys");
        }
        this.keys = new LinkedHashMap<>();
        keys.forEach((kid, secret) -> this.keys.put(kid, Base64.getEncoder().encodeToString(secret)));
        this.signingKid = signingKid;
        this.json = json;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", signingKid);
        header.put("alg", "HS256");
        String signingInput = encode(json.write(header)) + "." + encode(json.write(claims));
        return signingInput + "." + NodeCrypto.hmacBase64Url(keys.get(signingKid), signingInput);
    }

    @Override
    public VerifiedToken verify(String compact) {
        try {
            return verifyOrThrow(compact);
        } catch (RuntimeException e) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
    }

    private VerifiedToken verifyOrThrow(String compact) {
        if (compact == null) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        Map<String, Object> header = json.parseObject(decode(compact.substring(0, firstDot)));
        Object kid = header.get("kid");
        if (!"HS256".equals(header.get("alg")) || !(kid instanceof String)) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        String key = keys.get(kid);
        if (key == null) {
            return VerifiedToken.rejected(VerifiedToken.Status.FOREIGN_KEY);
        }
        String signingInput = compact.substring(0, secondDot);
        // Compared as canonical base64url text: the same bytes, and a non-canonical encoding is refused.
        if (!NodeCrypto.constantTimeEquals(NodeCrypto.hmacBase64Url(key, signingInput),
                compact.substring(secondDot + 1))) {
            return VerifiedToken.rejected(VerifiedToken.Status.TAMPERED);
        }
        return VerifiedToken.valid(json.parseObject(decode(compact.substring(firstDot + 1, secondDot))));
    }

    private static String encode(String text) {
        return NodeCrypto.base64UrlOfText(text);
    }

    private static String decode(String part) {
        return NodeCrypto.textOfBase64Url(part);
    }
}
