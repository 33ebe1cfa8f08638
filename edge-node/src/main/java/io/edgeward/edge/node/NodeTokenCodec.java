package io.edgeward.edge.node;

import io.edgeward.edge.core.port.TokenCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSObject;

/**
 * Compact JWS HS256 with a {@code kid} header on Node, byte-compatible with the JVM target's Nimbus codec: the same
 * tokens verify on both (shared test vectors prove it). Signatures are compared in constant time.
 */
public final class NodeTokenCodec implements TokenCodec {

    private final Map<String, JSObject> keys = new LinkedHashMap<>();
    private final String signingKid;
    private final NodeJson json;
    /** The last header read: every cookie this function signs carries one of a few identical headers. */
    private String lastHeaderText;
    private Map<String, Object> lastHeader;

    /** {@code keys}: kid to secret (at least 32 bytes each); {@code signingKid} must be one of them. */
    public NodeTokenCodec(Map<String, byte[]> keys, String signingKid, NodeJson json) {
        if (!keys.containsKey(signingKid)) {
            throw new IllegalArgumentException("signing key " + signingKid + " is not among the configured keys");
        }
        keys.forEach((kid, secret) -> this.keys.put(kid, NodeCrypto.hmacKey(secret)));
        this.signingKid = signingKid;
        this.json = json;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", signingKid);
        header.put("alg", "HS256");
        String signingInput = NodeCrypto.base64UrlOfText(json.write(header)) + "."
                + NodeCrypto.base64UrlOfText(json.write(claims));
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
        Map<String, Object> header = header(compact.substring(0, firstDot));
        Object kid = header.get("kid");
        if (!"HS256".equals(header.get("alg")) || !(kid instanceof String)) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        JSObject key = keys.get(kid);
        if (key == null) {
            return VerifiedToken.rejected(VerifiedToken.Status.FOREIGN_KEY);
        }
        String signingInput = compact.substring(0, secondDot);
        // Compared as canonical base64url text: the same bytes, and a non-canonical encoding is refused.
        if (!NodeCrypto.constantTimeEquals(NodeCrypto.hmacBase64Url(key, signingInput),
                compact.substring(secondDot + 1))) {
            return VerifiedToken.rejected(VerifiedToken.Status.TAMPERED);
        }
        return VerifiedToken.valid(part(compact.substring(firstDot + 1, secondDot)));
    }

    private Map<String, Object> header(String b64) {
        if (!b64.equals(lastHeaderText)) {
            lastHeader = part(b64);
            lastHeaderText = b64;
        }
        return lastHeader;
    }

    private Map<String, Object> part(String b64) {
        JSObject parsed = NodeCrypto.parseBase64UrlJson(b64);
        if (JsValues.has(parsed, "error")) {
            throw new IllegalArgumentException("token part is not JSON");
        }
        return json.objectFromJs(JsValues.get(parsed, "ok"));
    }
}
