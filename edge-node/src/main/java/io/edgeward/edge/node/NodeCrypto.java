package io.edgeward.edge.node;

import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.port.Randomness;
import java.util.Base64;
import org.teavm.jso.JSBody;

/**
 * {@code node:crypto} behind the edge ports. Bytes cross the Java/JS boundary as base64, which keeps the interop to
 * strings.
 */
public final class NodeCrypto implements Digest, Randomness {

    @Override
    public byte[] sha256(byte[] data) {
        return Base64.getDecoder().decode(sha256Base64(Base64.getEncoder().encodeToString(data)));
    }

    @Override
    public byte[] bytes(int count) {
        return Base64.getDecoder().decode(randomBase64(count));
    }

    /** HMAC-SHA256 of a UTF-8 string, as unpadded base64url; the key is given as standard base64. */
    @JSBody(params = {"keyB64", "data"}, script = "return require('node:crypto').createHmac('sha256', "
            + "Buffer.from(keyB64, 'base64')).update(data, 'utf8').digest('base64url');")
    static native String hmacBase64Url(String keyB64, String data);

    /** Constant-time comparison of two strings' UTF-8 bytes; false for different lengths. */
    @JSBody(params = {"a", "b"}, script = "var x = Buffer.from(a, 'utf8'), y = Buffer.from(b, 'utf8');"
            + " return x.length === y.length && require('node:crypto').timingSafeEqual(x, y);")
    static native boolean constantTimeEquals(String a, String b);

    /** UTF-8 text to unpadded base64url, in Node (TeaVM's own encoders are slow on this hot path). */
    @JSBody(params = "text", script = "return Buffer.from(text, 'utf8').toString('base64url');")
    static native String base64UrlOfText(String text);

    /** Unpadded base64url to UTF-8 text, in Node. */
    @JSBody(params = "b64", script = "return Buffer.from(b64, 'base64url').toString('utf8');")
    static native String textOfBase64Url(String b64);

    @JSBody(params = "b64", script = "return require('node:crypto').createHash('sha256')"
            + ".update(Buffer.from(b64, 'base64')).digest('base64');")
    private static native String sha256Base64(String b64);

    @JSBody(params = "n", script = "return require('node:crypto').randomBytes(n).toString('base64');")
    private static native String randomBase64(int n);
}
