package io.edgeward.env.kafka;

import io.edgeward.env.EnvKey;
import io.edgeward.env.EnvReader;
import io.edgeward.env.EnvSpec;
import io.edgeward.env.EnvValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one reader of the Kafka client settings every service shares ({@code EDGEWARD_KAFKA_*}; docs/kafka-security.md).
 * Unset means PLAINTEXT to 127.0.0.1:9092. Anything unknown or inconsistent fails start-up with an
 * {@link IllegalArgumentException} naming the variable and its value (never a password's): an unknown
 * {@code EDGEWARD_KAFKA_*} name, a protocol or mechanism Edgeward does not speak, a store setting while the protocol
 * is PLAINTEXT (the operator believes in TLS that would not happen), SASL without its protocol, a store file that
 * cannot be read.
 */
public final class KafkaEnvironment {

    public static final String PREFIX = "EDGEWARD_KAFKA_";
    public static final String BOOTSTRAP = PREFIX + "BOOTSTRAP";
    public static final String SECURITY_PROTOCOL = PREFIX + "SECURITY_PROTOCOL";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "SSL_TRUSTSTORE_LOCATION";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "SSL_TRUSTSTORE_PASSWORD";
    public static final String TRUSTSTORE_TYPE = PREFIX + "SSL_TRUSTSTORE_TYPE";
    public static final String KEYSTORE_LOCATION = PREFIX + "SSL_KEYSTORE_LOCATION";
    public static final String KEYSTORE_PASSWORD = PREFIX + "SSL_KEYSTORE_PASSWORD";
    public static final String KEYSTORE_TYPE = PREFIX + "SSL_KEYSTORE_TYPE";
    public static final String KEY_PASSWORD = PREFIX + "SSL_KEY_PASSWORD";
    public static final String SASL_MECHANISM = PREFIX + "SASL_MECHANISM";

    /** Every variable this reader knows, in the order the docs list them. */
    public static final List<String> NAMES = List.of(BOOTSTRAP, SECURITY_PROTOCOL, TRUSTSTORE_LOCATION,
            TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE, KEY_PASSWORD,
            SASL_MECHANISM);

    private static final List<String> TLS_NAMES = NAMES.subList(2, 9);

    /**
     * The same variables as keys, for the spec of every service with Kafka clients
     * ({@code EnvSpec.of(...).including(KafkaEnvironment.ENV)}): known there, and shown (passwords masked) in its
     * effective configuration. {@link #read} applies the rules between them.
     */
    public static final EnvSpec ENV = EnvSpec.of("kafka",
            EnvKey.string(BOOTSTRAP, KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS),
            EnvKey.oneOf(SECURITY_PROTOCOL, SecurityProtocol.class, SecurityProtocol.PLAINTEXT),
            EnvKey.string(TRUSTSTORE_LOCATION, null), EnvKey.secret(TRUSTSTORE_PASSWORD),
            EnvKey.string(TRUSTSTORE_TYPE, null), EnvKey.string(KEYSTORE_LOCATION, null),
            EnvKey.secret(KEYSTORE_PASSWORD), EnvKey.string(KEYSTORE_TYPE, null), EnvKey.secret(KEY_PASSWORD),
            EnvKey.oneOf(SASL_MECHANISM, SaslMechanism.class, null));

    private KafkaEnvironment() {
    }

    /** Reads and validates the settings from a service's variables (its spec includes {@link #ENV}). */
    public static KafkaClientSettings read(EnvValues values) {
        return read(values.variables());
    }

    /** Reads and validates the settings from {@code variables} (the process environment, or a test's map). */
    public static KafkaClientSettings read(Map<String, String> variables) {
        EnvReader env = EnvReader.of(variables);
        Set<String> unknown = env.unknownNames(PREFIX, Set.copyOf(NAMES));
        require(unknown.isEmpty(), "unknown Kafka setting " + String.join(", ", unknown) + "; known: "
                + new TreeSet<>(NAMES));
        String bootstrap = env.optional(BOOTSTRAP).map(String::strip)
                .orElse(KafkaClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
        SecurityProtocol protocol = env.optional(SECURITY_PROTOCOL)
                .map(v -> parse(SecurityProtocol.class, SECURITY_PROTOCOL, v)).orElse(SecurityProtocol.PLAINTEXT);
        SaslMechanism mechanism = env.optional(SASL_MECHANISM)
                .map(v -> parse(SaslMechanism.class, SASL_MECHANISM, v)).orElse(null);
        if (protocol == SecurityProtocol.PLAINTEXT) {
            for (String name : TLS_NAMES) {
                require(env.optional(name).isEmpty(), name + " is set but " + SECURITY_PROTOCOL
                        + " is PLAINTEXT, so it would be ignored: set " + SECURITY_PROTOCOL + "=SSL or SASL_SSL");
            }
        }
        require(mechanism == null || protocol == SecurityProtocol.SASL_SSL, SASL_MECHANISM + "=" + mechanism
                + " needs " + SECURITY_PROTOCOL + "=SASL_SSL, was " + protocol);
        require(mechanism != null || protocol != SecurityProtocol.SASL_SSL, SASL_MECHANISM
                + " is required with " + SECURITY_PROTOCOL + "=SASL_SSL; supported: AWS_MSK_IAM");
        StoreFile truststore = store(env, TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE);
        StoreFile keystore = store(env, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE);
        String keyPassword = env.optional(KEY_PASSWORD).orElse(null);
        require(keyPassword == null || keystore != null, KEY_PASSWORD + " is set without " + KEYSTORE_LOCATION);
        if (keystore != null) {
            require(keystore.isPem() || keystore.password() != null,
                    KEYSTORE_PASSWORD + " is required with " + KEYSTORE_LOCATION + "=" + keystore.location());
        }
        return new KafkaClientSettings(bootstrap, protocol, truststore, keystore, keyPassword, mechanism);
    }

    private static StoreFile store(EnvReader env, String locationName, String passwordName, String typeName) {
        Optional<String> location = env.optional(locationName).map(String::strip);
        Optional<String> password = env.optional(passwordName);
        Optional<String> type = env.optional(typeName).map(v -> v.strip().toUpperCase(Locale.ROOT));
        if (location.isEmpty()) {
            require(password.isEmpty(), passwordName + " is set without " + locationName);
            require(type.isEmpty(), typeName + " is set without " + locationName);
            return null;
        }
        Path file = Path.of(location.get());
        require(Files.isRegularFile(file) && Files.isReadable(file),
                locationName + " must be a readable file, was '" + location.get() + "'");
        require(type.isEmpty() || StoreFile.TYPES.contains(type.get()),
                typeName + " must be JKS, PKCS12 or PEM, was '" + env.optional(typeName).orElse("") + "'");
        require(password.isEmpty() || !"PEM".equals(type.orElse(null)),
                passwordName + " is not used with a PEM file; the PEM key's password is " + KEY_PASSWORD);
        return new StoreFile(file, password.orElse(null), type.orElse(null));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> known = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw new IllegalArgumentException(name + " must be one of " + known + ", was '" + value + "'");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
