package io.edgeward.env.net;

/** Text that is not a network in CIDR notation, or a prefix length out of range; the message quotes the value. */
public class InvalidCidrException extends IllegalArgumentException {
    public InvalidCidrException(String message) {
        super(message);
    }
}
