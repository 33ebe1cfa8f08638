package io.edgeward.edge.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forwarded requests, as the policy wrote them, between {@code decide} and the log record of their response: kept
 * on the Java side under a number worker.js hands back, so the request is not converted to JavaScript and back
 * (docs/benchmarks/edge-worker.md). Bounded: a request whose response never comes (origin unreachable, a dropped
 * connection) is forgotten when newer ones push it out.
 */
final class ForwardedRequests {

    static final int LIMIT = 1024;

    private final Map<Integer, Map<String, Object>> requests = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<String, Object>> eldest) {
            return size() > LIMIT;
        }
    };
    private int next;

    /** Keeps a request and answers its number, never negative. */
    int keep(Map<String, Object> request) {
        int handle = next;
        next = next == Integer.MAX_VALUE ? 0 : next + 1;
        requests.put(handle, request);
        return handle;
    }

    /** The request kept under {@code handle}, now forgotten; null when unknown or already taken. */
    Map<String, Object> take(int handle) {
        return requests.remove(handle);
    }

    int size() {
        return requests.size();
    }
}
