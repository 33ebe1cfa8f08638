package io.edgeward.edge.core.port;

/** Receives the outcome of an {@link EdgeHttp} call: exactly one of the two methods is called, exactly once. */
public interface HttpCallback {

    void onResponse(int status, String body);

    /** Timeout, refused connection, DNS failure and the like; {@code reason} is safe to log (no secrets). */
    void onFailure(String reason);
}
