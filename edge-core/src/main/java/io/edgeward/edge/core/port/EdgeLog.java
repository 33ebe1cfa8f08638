package io.edgeward.edge.core.port;

/** Where the edge says why it let a request through on a fault. Never pass secrets or cookie values. */
public interface EdgeLog {

    void info(String message);

    void warn(String message);
}
