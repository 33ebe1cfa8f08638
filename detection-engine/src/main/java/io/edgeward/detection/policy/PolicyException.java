package io.edgeward.detection.policy;

/** The policy file cannot be read or holds a bad value; the message names the key and the value. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
