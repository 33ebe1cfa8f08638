package io.edgeward.edge.worker;

import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.port.Randomness;
import org.teavm.jso.JSObject;

/**
 * SHA-256 and randomness for the policy. WebCrypto's digest is asynchronous and the Digest port is not, so worker.js
 * digests the request's user agent (the one input the viewer-request policy hashes: the cookie's binding) before the
 * policy runs, and this answers from that. An input nobody prepared is a fault, not a silent fallback: the policy
 * then lets the request through, logged, and the workerd tests catch any new use of the port.
 */
final class WorkerCrypto implements Digest, Randomness {

    private final JSObject host;

    WorkerCrypto(JSObject host) {
        this.host = host;
    }

    @Override
    public byte[] sha256(byte[] data) {
        byte[] known = WorkerHost.knownDigest(host, data);
        if (known == null) {
            throw new NotPreparedException("SHA-256 of a " + data.length + "-byte input was not prepared");
        }
        return known;
    }

    @Override
    public byte[] bytes(int count) {
        return WorkerHost.random(count);
    }
}
