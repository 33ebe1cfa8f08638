package io.edgeward.edge.node;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;

/**
 * SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104) in plain JavaScript, so that a request the cookie settles never
 * loads {@code node:crypto}: requiring it pulls in Node's stream machinery and cost 4-6 ms of every cold start, the
 * largest single share of the bundle's own (docs/benchmarks/edge-node.md, "Where a cold start goes"). An HMAC key is
 * kept as the two hash states after its padded key blocks, so each signature costs only the message's blocks and one
 * outer block. Outputs are byte-identical to {@code node:crypto} and the JVM's (CrossTargetTest and
 * NodeSha256BundleTest verify cookies across both targets for user agents of every padding length).
 */
final class NodeSha256 {

    private static JSObject lib;

    private NodeSha256() {
    }

    static byte[] sha256(byte[] data) {
        return sha256(lib(), data);
    }

    /** The key's precomputed inner and outer states. */
    static JSObject hmacKey(byte[] secret) {
        return hmacKey(lib(), secret);
    }

    /** HMAC-SHA256 of a string's UTF-8 bytes, as unpadded base64url. */
    static String hmacBase64Url(JSObject key, String data) {
        return hmac(lib(), key, data);
    }

    private static JSObject lib() {
        if (lib == null) {
            lib = create();
        }
        return lib;
    }

    @JSBody(params = {"lib", "data"}, script = "return lib.sha256(data);")
    @JSByRef
    private static native byte[] sha256(JSObject lib, @JSByRef byte[] data);

    @JSBody(params = {"lib", "secret"}, script = "return lib.key(secret);")
    private static native JSObject hmacKey(JSObject lib, @JSByRef byte[] secret);

    @JSBody(params = {"lib", "key", "data"}, script = "return lib.hmac(key, data);")
    private static native String hmac(JSObject lib, JSObject key, String data);

    @JSBody(script = ""
            + "var K = new Int32Array([0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,"
            + " 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,"
            + " 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,"
            + " 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,"
            + " 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb,"
            + " 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624,"
            + " 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,"
            + " 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb,"
            + " 0xbef9a3f7, 0xc67178f2]);"
            + "var IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,"
            + " 0x1f83d9ab, 0x5be0cd19]);"
            + "var W = new Int32Array(64);"
            + "function block(H, m, o) {"
            + "  var t, x, y;"
            + "  for (t = 0; t < 16; t++) { x = o + 4 * t;"
            + "    W[t] = (m[x] << 24) | (m[x + 1] << 16) | (m[x + 2] << 8) | m[x + 3]; }"
            + "  for (t = 16; t < 64; t++) { x = W[t - 15]; y = W[t - 2];"
            + "    W[t] = (W[t - 16] + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[t - 7]"
            + "      + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0; }"
            + "  var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7], t1, t2;"
            + "  for (t = 0; t < 64; t++) {"
            + "    t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))"
            + "      + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;"
            + "    t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))"
            + "      + ((a & b) ^ (a & c) ^ (b & c))) | 0;"
            + "    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0; }"
            + "  H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;"
            + "  H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0; }"
            // Hashes m into state H, which has already taken `done` bytes (a multiple of 64); the digest's bytes.
            + "function finish(H, m, done) {"
            + "  var n = m.length, whole = n - (n % 64), o, i;"
            + "  for (o = 0; o < whole; o += 64) { block(H, m, o); }"
            + "  var rest = n - whole, tail = new Uint8Array(rest < 56 ? 64 : 128), bits = (done + n) * 8;"
            + "  for (i = 0; i < rest; i++) { tail[i] = m[whole + i]; }"
            + "  tail[rest] = 0x80;"
            + "  var end = tail.length, high = Math.floor(bits / 4294967296), low = bits >>> 0;"
            + "  tail[end - 8] = high >>> 24; tail[end - 7] = high >>> 16; tail[end - 6] = high >>> 8;"
            + "  tail[end - 5] = high; tail[end - 4] = low >>> 24; tail[end - 3] = low >>> 16;"
            + "  tail[end - 2] = low >>> 8; tail[end - 1] = low;"
            + "  for (o = 0; o < end; o += 64) { block(H, tail, o); }"
            + "  var out = new Uint8Array(32);"
            + "  for (i = 0; i < 8; i++) { out[4 * i] = H[i] >>> 24; out[4 * i + 1] = H[i] >>> 16;"
            + "    out[4 * i + 2] = H[i] >>> 8; out[4 * i + 3] = H[i]; }"
            + "  return out; }"
            + "function bytes(a) { return new Uint8Array(a.buffer, a.byteOffset, a.length); }"
            + "function sha256(m) { return finish(new Int32Array(IV), m, 0); }"
            + "function pad(key, x) { var p = new Uint8Array(64), i;"
            + "  for (i = 0; i < 64; i++) { p[i] = (i < key.length ? key[i] : 0) ^ x; }"
            + "  var H = new Int32Array(IV); block(H, p, 0); return H; }"
            + "return {"
            + "  sha256: function(data) { var d = sha256(bytes(data));"
            + "    return new Int8Array(d.buffer, d.byteOffset, d.length); },"
            + "  key: function(secret) { var k = bytes(secret); if (k.length > 64) { k = sha256(k); }"
            + "    return { inner: pad(k, 0x36), outer: pad(k, 0x5c), secret: Buffer.from(bytes(secret)),"
            + "      native: null }; },"
            + "  hmac: function(key, text) {"
            + "    var inner = finish(new Int32Array(key.inner), Buffer.from(text, 'utf8'), 64);"
            + "    var mac = finish(new Int32Array(key.outer), inner, 64);"
            + "    return Buffer.from(mac.buffer, mac.byteOffset, mac.length).toString('base64url'); }"
            + "};")
    private static native JSObject create();
}
