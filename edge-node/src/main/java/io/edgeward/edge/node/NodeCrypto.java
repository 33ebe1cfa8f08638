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

    /** HMAC-SHA256 of an ASCII/UTF-8 string under a key. */
    public static byte[] hmacSha256(byte[] key, String data) {
        return Base64.getDecoder().decode(hmacBase64(Base64.getEncoder().encodeToString(key), data));
    }

    /** Constant-time comparison ({@code crypto.timingSafeEqual}); false for different lengths. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        return timingSafeEqual(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b));
    }

    @JSBody(params = "b64", script = "return require('node:crypto').createHash('sha256')"
            + ".update(Buffer.from(b64, 'base64')).digest('base64');")
    private static native String sha256Base64(String b64);

    @JSBody(params = "n", script = "return require('node:crypto').randomBytes(n).toString('base64');")
    private static native String randomBase64(int n);

    @JSBody(params = {"keyB64", "data"}, script = "return require('node:crypto').createHmac('sha256', "
            + "Buffer.from(keyB64, 'base64')).update(data, 'utf8').digest('base64');")
    private static native String hmacBase64(String keyB64, String data);

    @JSBody(params = {"a", "b"}, script = "return require('node:crypto').timingSafeEqual("
            + "Buffer.from(a, 'base64'), Buffer.from(b, 'base64'));")
    private static native boolean timingSafeEqual(String a, String b);
}
