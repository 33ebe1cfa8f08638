package io.edgeward.edge.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The host object worker.js hands to the core at start-up: WebCrypto results it has already computed, {@code fetch}
 * with the request's background promises tracked for {@code ctx.waitUntil}, and the text codecs Workers have
 * without Node's {@code Buffer}. Every call here is synchronous; the asynchronous work happens in worker.js before the
 * policy runs (digests and cookie signatures to verify) or after it returns (signatures it asked for).
 */
final class WorkerHost {

    private WorkerHost() {
    }

    /** HMAC-SHA256 of {@code input} under {@code kid} as unpadded base64url, if worker.js computed it; else null. */
    @JSBody(params = {"host", "kid", "input"}, script = "return host.knownSignature(kid, input);")
    static native String knownSignature(JSObject host, String kid, String input);

    /**
     * The signature if known, otherwise a placeholder of the same length that worker.js replaces with the real one
     * once the policy has returned its result (docs/cloudflare.md "Why signatures are filled in after the decision").
     */
    @JSBody(params = {"host", "kid", "input"}, script = "return host.signatureOrPlaceholder(kid, input);")
    static native String signatureOrPlaceholder(JSObject host, String kid, String input);

    /** SHA-256 of {@code data} if worker.js computed it for this request; else null. */
    @JSBody(params = {"host", "data"}, script = "return host.knownDigest(data);")
    @JSByRef
    static native byte[] knownDigest(JSObject host, @JSByRef byte[] data);

    /** {@code crypto.getRandomValues}, synchronous in Workers. */
    @JSBody(params = "n", script = "return crypto.getRandomValues(new Int8Array(n));")
    @JSByRef
    static native byte[] random(int n);

    /** UTF-8 text to unpadded base64url. */
    @JSBody(params = {"host", "text"}, script = "return host.base64UrlOfText(text);")
    static native String base64UrlOfText(JSObject host, String text);

    /** The JSON inside unpadded base64url: a JS {@code {ok}} or {@code {error}}, never a throw. */
    @JSBody(params = {"host", "b64"}, script = "return host.parseBase64UrlJson(b64);")
    static native JSObject parseBase64UrlJson(JSObject host, String b64);

    @JSFunctor
    interface OnResponse extends JSObject {
        void accept(int status, String body);
    }

    @JSFunctor
    interface OnFailure extends JSObject {
        void accept(String reason);
    }

    /** A POST through {@code fetch}; exactly one callback is called, once; never throws. */
    @JSBody(params = {"host", "url", "headers", "body", "timeoutMs", "ok", "fail"},
            script = "host.post(url, headers, body, timeoutMs, ok, fail);")
    static native void post(JSObject host, String url, JSObject headers, String body, int timeoutMs, OnResponse ok,
            OnFailure fail);
}
