package io.edgeward.edge.node;

import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.port.Randomness;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;

/**
 * The edge's crypto ports on Node. Hashing and HMAC are {@link NodeSha256}'s plain JavaScript until something needs
 * {@code node:crypto} anyway (random bytes for a new session or a challenge load it on first use), and Node's native
 * ones after: a request the cookie settles never loads it, and a warm environment that has seen a first visit signs
 * at native speed. Both give the same bytes.
 * Byte arrays cross the Java/JS boundary by reference (TeaVM backs {@code byte[]} with an {@code Int8Array}), so
 * nothing is copied or re-encoded on the way.
 */
public final class NodeCrypto implements Digest, Randomness {

    /** Loaded on first use: every call below would otherwise look the module up again. */
    private static JSObject crypto;

    @Override
    public byte[] sha256(byte[] data) {
        return crypto == null ? NodeSha256.sha256(data) : nativeSha256(crypto, data);
    }

    @Override
    public byte[] bytes(int count) {
        if (crypto == null) {
            crypto = load();
        }
        return random(crypto, count);
    }

    /** An HMAC key, prepared once per configured key rather than on every signature. */
    static JSObject hmacKey(byte[] secret) {
        return NodeSha256.hmacKey(secret);
    }

    /**
     * HMAC-SHA256 of a string's UTF-8 bytes, as unpadded base64url. Once something else has loaded {@code node:crypto}
     * (a first visit's random session id), its native HMAC takes over: about 1 µs faster per call when warm.
     */
    static String hmacBase64Url(JSObject key, String data) {
        return crypto == null ? NodeSha256.hmacBase64Url(key, data) : nativeHmac(crypto, key, data);
    }

    /**
     * Constant-time comparison of two strings of the same length (base64url text); false for different lengths, as
     * {@code crypto.timingSafeEqual} on their bytes.
     */
    @JSBody(params = {"a", "b"}, script = "if (a.length !== b.length) { return false; }"
            + " var diff = 0; for (var i = 0; i < a.length; i++) { diff |= a.charCodeAt(i) ^ b.charCodeAt(i); }"
            + " return diff === 0;")
    static native boolean constantTimeEquals(String a, String b);

    /** UTF-8 text to unpadded base64url, in Node (TeaVM's own encoders are slow on this hot path). */
    @JSBody(params = "text", script = "return Buffer.from(text, 'utf8').toString('base64url');")
    static native String base64UrlOfText(String text);

    /** Parses the JSON inside unpadded base64url; a JS {@code {ok}} or {@code {error}}, never a throw. */
    @JSBody(params = "b64", script = "try { return { ok: JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) };"
            + " } catch (e) { return { error: String(e && e.message) }; }")
    static native JSObject parseBase64UrlJson(String b64);

    /** {@code key} is {@link NodeSha256#hmacKey}'s; its {@code KeyObject} is made on first use. */
    @JSBody(params = {"crypto", "key", "data"}, script = "if (!key.native) {"
            + " key.native = crypto.createSecretKey(key.secret); }"
            + " return crypto.createHmac('sha256', key.native).update(data, 'utf8').digest('base64url');")
    private static native String nativeHmac(JSObject crypto, JSObject key, String data);

    // crypto.hash (Node 20.12+, 22) is the one-shot form, about twice as fast as createHash for short input.
    @JSBody(params = {"crypto", "data"}, script = "var d = crypto.hash ? crypto.hash('sha256', data, 'buffer')"
            + " : crypto.createHash('sha256').update(data).digest();"
            + " return new Int8Array(d.buffer, d.byteOffset, d.length);")
    @JSByRef
    private static native byte[] nativeSha256(JSObject crypto, @JSByRef byte[] data);

    @JSBody(script = "return require('node:crypto');")
    private static native JSObject load();

    @JSBody(params = {"crypto", "n"}, script = "var d = crypto.randomBytes(n);"
            + " return new Int8Array(d.buffer, d.byteOffset, d.length);")
    @JSByRef
    private static native byte[] random(JSObject crypto, int n);
}
