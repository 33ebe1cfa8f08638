package io.edgeward.protector.policy;

/** The policy file cannot be used; the message names the file, the entry and the bad value. */
public class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
