package io.edgeward.protector.decision;

/** A decision, or one of its fields, is not acceptable; the message names the field and the bad value. */
public class InvalidDecisionException extends RuntimeException {
    public InvalidDecisionException(String message) {
        super(message);
    }
}
