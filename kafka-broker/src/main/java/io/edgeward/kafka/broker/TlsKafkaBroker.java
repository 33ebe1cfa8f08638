package io.edgeward.kafka.broker;

import java.util.Map;

/**
 * A test broker with TLS listeners and the material its clients need; {@link KafkaBrokerExtension} injects one per
 * test JVM (apart from the plaintext {@link KafkaBroker}) into parameters of this type.
 */
public record TlsKafkaBroker(KafkaBroker broker, TlsMaterial tls) {

    /** Client properties for the broker-authenticating TLS listener (trust store only). */
    public Map<String, Object> sslClientProperties() {
        return tls.clientProperties(broker.sslBootstrapServers(), false);
    }

    /** Client properties for the mutual-TLS listener (trust store and client certificate). */
    public Map<String, Object> mutualTlsClientProperties() {
        return tls.clientProperties(broker.mutualTlsBootstrapServers(), true);
    }
}
