package io.edgeward.edge.worker;

import io.edgeward.edge.core.port.TokenCodec;
import io.edgeward.edge.node.NodeJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.teavm.jso.JSObject;

/**
 * Compact JWS HS256 with a {@code kid} header on WebCrypto, byte-compatible with the JVM (Nimbus) and Node codecs.
 * WebCrypto signs asynchronously and this port is synchronous, so the work is split around the policy:
 * <ul>
 *   <li>verify: worker.js computes the HMAC of the request's session cookie ({@link #toVerify}) before the policy
 *       runs; {@link #verify} compares against it in constant time;</li>
 *   <li>sign: the claims are only known inside the policy, so {@link #sign} returns the token with a same-length
 *       placeholder for the signature, and worker.js puts the real signature in before anything leaves the Worker.</li>
 * </ul>
 */
final class WorkerTokenCodec implements TokenCodec {

    private final Set<String> kids;
    private final String signingKid;
    private final NodeJson json;
    private final JSObject host;

    /** {@code kids}: the configured key ids (worker.js holds the keys); {@code signingKid} must be one of them. */
    WorkerTokenCodec(Set<String> kids, String signingKid, NodeJson json, JSObject host) {
        if (!kids.contains(signingKid)) {
            throw new IllegalArgumentException("signing key " + signingKid + " is not among the configured keys");
        }
        this.kids = Set.copyOf(kids);
        this.signingKid = signingKid;
        this.json = json;
        this.host = host;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", signingKid);
        header.put("alg", "HS256");
        String signingInput = WorkerHost.base64UrlOfText(host, json.write(header)) + "."
                + WorkerHost.base64UrlOfText(host, json.write(claims));
        return signingInput + "." + WorkerHost.signatureOrPlaceholder(host, signingKid, signingInput);
    }

    @Override
    public VerifiedToken verify(String compact) {
        try {
            return verifyOrThrow(compact);
        } catch (NotPreparedException e) {
            throw e;
        } catch (RuntimeException e) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
    }

    /**
     * What {@link #verify} will need for this token: {@code {kid, input}} when it is shaped like one of ours under a
     * configured key, otherwise null (it is rejected without any HMAC).
     */
    Signed toVerify(String compact) {
        try {
            Signed signed = split(compact);
            return signed != null && kids.contains(signed.kid) ? signed : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private VerifiedToken verifyOrThrow(String compact) {
        Signed signed = split(compact);
        if (signed == null) {
            return VerifiedToken.rejected(VerifiedToken.Status.MALFORMED);
        }
        if (!kids.contains(signed.kid)) {
            return VerifiedToken.rejected(VerifiedToken.Status.FOREIGN_KEY);
        }
        String expected = WorkerHost.knownSignature(host, signed.kid, signed.input);
        if (expected == null) {
            throw new NotPreparedException("the session cookie's signature was not prepared");
        }
        // Compared as canonical base64url text: the same bytes, and a non-canonical encoding is refused.
        if (!constantTimeEquals(expected, signed.signature)) {
            return VerifiedToken.rejected(VerifiedToken.Status.TAMPERED);
        }
        return VerifiedToken.valid(part(signed.input.substring(signed.input.indexOf('.') + 1)));
    }

    private Signed split(String compact) {
        if (compact == null) {
            return null;
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            return null;
        }
        Map<String, Object> header = part(compact.substring(0, firstDot));
        Object kid = header.get("kid");
        if (!"HS256".equals(header.get("alg")) || !(kid instanceof String)) {
            return null;
        }
        return new Signed((String) kid, compact.substring(0, secondDot), compact.substring(secondDot + 1));
    }

    private Map<String, Object> part(String b64) {
        JSObject parsed = WorkerHost.parseBase64UrlJson(host, b64);
        if (JsAccess.has(parsed, "error")) {
            throw new IllegalArgumentException("token part is not JSON");
        }
        return json.objectFromJs(JsAccess.get(parsed, "ok"));
    }

    private static boolean constantTimeEquals(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }

    /** A token's key id, signing input and signature text. */
    record Signed(String kid, String input, String signature) {
    }
}
