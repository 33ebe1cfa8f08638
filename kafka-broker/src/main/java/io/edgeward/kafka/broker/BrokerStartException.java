package io.edgeward.kafka.broker;

/** The broker's child JVM could not be formatted, started or reached; the message says which and where its log is. */
public final class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerStartException(String message) {
        super(message);
    }
}
