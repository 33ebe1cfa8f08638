package io.edgeward.edge.node;

import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.port.Randomness;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;

/**
 * {@code node:crypto} behind the edge ports. Byte arrays cross the Java/JS boundary by reference (TeaVM backs
 * {@code byte[]} with an {@code Int8Array}), so nothing is copied or re-encoded on the way.
 */
public final class NodeCrypto implements Digest, Randomness {

    /** Loaded once: every call below would otherwise look the module up again. */
    private static final JSObject CRYPTO = load();

    @Override
    public byte[] sha256(byte[] data) {
        return sha256(CRYPTO, data);
    }

    @Override
    public byte[] bytes(int count) {
        return random(CRYPTO, count);
    }

    /** An HMAC key object, made once per configured key rather than on every signature. */
    static JSObject hmacKey(byte[] secret) {
        return secretKey(CRYPTO, secret);
    }

    /** HMAC-SHA256 of a string's UTF-8 bytes, as unpadded base64url. */
    static String hmacBase64Url(JSObject key, String data) {
        return hmac(CRYPTO, key, data);
    }

    /** Constant-time comparison of two strings' UTF-8 bytes; false for different lengths. */
    static boolean constantTimeEquals(String a, String b) {
        return timingSafeEquals(CRYPTO, a, b);
    }

    /** UTF-8 text to unpadded base64url, in Node (TeaVM's own encoders are slow on this hot path). */
    @JSBody(params = "text", script = "return Buffer.from(text, 'utf8').toString('base64url');")
    static native String base64UrlOfText(String text);

    /** Parses the JSON inside unpadded base64url; a JS {@code {ok}} or {@code {error}}, never a throw. */
    @JSBody(params = "b64", script = "try { return { ok: JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) };"
            + " } catch (e) { return { error: String(e && e.message) }; }")
    static native JSObject parseBase64UrlJson(String b64);

    @JSBody(script = "return require('node:crypto');")
    private static native JSObject load();

    @JSBody(params = {"crypto", "secret"}, script = "return crypto.createSecretKey(secret);")
    private static native JSObject secretKey(JSObject crypto, @JSByRef byte[] secret);

    @JSBody(params = {"crypto", "key", "data"},
            script = "return crypto.createHmac('sha256', key).update(data, 'utf8').digest('base64url');")
    private static native String hmac(JSObject crypto, JSObject key, String data);

    @JSBody(params = {"crypto", "a", "b"}, script = "var x = Buffer.from(a, 'utf8'), y = Buffer.from(b, 'utf8');"
            + " return x.length === y.length && crypto.timingSafeEqual(x, y);")
    private static native boolean timingSafeEquals(JSObject crypto, String a, String b);

    // crypto.hash (Node 20.12+, 22) is the one-shot form, about twice as fast as createHash for short input.
    @JSBody(params = {"crypto", "data"}, script = "var d = crypto.hash ? crypto.hash('sha256', data, 'buffer')"
            + " : crypto.createHash('sha256').update(data).digest();"
            + " return new Int8Array(d.buffer, d.byteOffset, d.length);")
    @JSByRef
    private static native byte[] sha256(JSObject crypto, @JSByRef byte[] data);

    @JSBody(params = {"crypto", "n"}, script = "var d = crypto.randomBytes(n);"
            + " return new Int8Array(d.buffer, d.byteOffset, d.length);")
    @JSByRef
    private static native byte[] random(JSObject crypto, int n);
}
