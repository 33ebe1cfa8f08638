package io.edgeward.env.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a service's Kafka clients (producers, consumers, admin, Streams) reach and authenticate to the cluster; every
 * client a service creates starts from {@link #clientProperties()}. Validated when built: an inconsistent
 * combination (a trust store with PLAINTEXT, SASL without TLS...) fails with the bad value in the message, never a
 * password. {@link #toString()} masks passwords. {@link KafkaEnvironment} reads it from the environment.
 *
 * @param bootstrapServers host:port[,host:port...]
 * @param protocol         PLAINTEXT (default), SSL or SASL_SSL
 * @param truststore       the CA certificates to trust, or null for the JVM's (enough for Amazon MSK)
 * @param keystore         the client certificate and key for mutual TLS, or null
 * @param keyPassword      the private key's password when it differs from the key store's, or null
 * @param saslMechanism    required with SASL_SSL, absent otherwise
 */
public record KafkaClientSettings(String bootstrapServers, SecurityProtocol protocol, StoreFile truststore,
        StoreFile keystore, String keyPassword, SaslMechanism saslMechanism) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    public KafkaClientSettings {
        require(bootstrapServers != null && !bootstrapServers.isBlank(),
                "kafka.bootstrapServers must be host:port[,host:port...], was " + bootstrapServers);
        bootstrapServers = bootstrapServers.strip();
        Objects.requireNonNull(protocol, "kafka.protocol");
        boolean tls = protocol != SecurityProtocol.PLAINTEXT;
        require(tls || (truststore == null && keystore == null && keyPassword == null),
                "kafka trust and key stores need security protocol SSL or SASL_SSL, was PLAINTEXT");
        require((protocol == SecurityProtocol.SASL_SSL) == (saslMechanism != null), protocol == SecurityProtocol.SASL_SSL
                ? "kafka security protocol SASL_SSL needs a SASL mechanism (AWS_MSK_IAM)"
                : "kafka SASL mechanism " + saslMechanism + " needs security protocol SASL_SSL, was " + protocol);
        require(keyPassword == null || keystore != null, "kafka key password is set without a key store");
        require(truststore == null || !truststore.isPem() || truststore.password() == null,
                "kafka PEM trust store takes no password");
        require(keystore == null || keystore.isPem() || keystore.password() != null,
                "kafka key store " + (keystore == null ? "" : keystore.location()) + " needs a password");
        require(keystore == null || !keystore.isPem() || keystore.password() == null,
                "kafka PEM key store takes no store password (use the key password)");
    }

    /** PLAINTEXT to {@code bootstrapServers}: the local stack and tests. */
    public static KafkaClientSettings plaintext(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, SecurityProtocol.PLAINTEXT, null, null, null, null);
    }

    /** The same security settings towards other brokers. */
    public KafkaClientSettings withBootstrapServers(String servers) {
        return new KafkaClientSettings(servers, protocol, truststore, keystore, keyPassword, saslMechanism);
    }

    /**
     * {@code bootstrap.servers}, {@code security.protocol} and the TLS and SASL properties, keyed by Kafka's client
     * property names, so that a service adds its own tuning to them. The map is a fresh mutable copy. Passwords are
     * Strings here, as Kafka takes them; Kafka itself logs them as {@code [hidden]}.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("security.protocol", protocol.name());
        if (truststore != null) {
            put(props, "ssl.truststore", truststore);
        }
        if (keystore != null) {
            put(props, "ssl.keystore", keystore);
        }
        if (keyPassword != null) {
            props.put("ssl.key.password", keyPassword);
        }
        if (saslMechanism != null) {
            props.put("sasl.mechanism", saslMechanism.name());
            props.putAll(saslMechanism.clientProperties());
        }
        return props;
    }

    private static void put(Map<String, Object> props, String prefix, StoreFile store) {
        props.put(prefix + ".location", store.location().toString());
        if (store.password() != null) {
            props.put(prefix + ".password", store.password());
        }
        if (store.type() != null) {
            props.put(prefix + ".type", store.type());
        }
    }

    @Override
    public String toString() {
        return "KafkaClientSettings[bootstrapServers=" + bootstrapServers + ", protocol=" + protocol
                + (truststore == null ? "" : ", truststore=" + truststore)
                + (keystore == null ? "" : ", keystore=" + keystore)
                + (keyPassword == null ? "" : ", keyPassword=***")
                + (saslMechanism == null ? "" : ", saslMechanism=" + saslMechanism) + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
