package io.edgeward.env.kafka;

/**
 * Kafka's {@code security.protocol} values Edgeward speaks. {@code SASL_PLAINTEXT} is not among them on purpose: it
 * would send SASL credentials, and everything after them, in clear text.
 */
public enum SecurityProtocol {
    /** No encryption, no authentication: the local default, for a broker on the same host or a private network. */
    PLAINTEXT,
    /** TLS; the broker's certificate is checked (and its host name), a client certificate is sent if configured. */
    SSL,
    /** TLS plus SASL authentication (Edgeward supports {@link SaslMechanism#AWS_MSK_IAM}). */
    SASL_SSL
}
